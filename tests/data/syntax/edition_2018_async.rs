// edition: 2018
async fn f() {}
fn g() { let c = async { 1 }; }
fn try_() {}
