// edition: 2018
async fn f() -> u8 { 1 }
fn g() { let c = async move { 1 }; }
