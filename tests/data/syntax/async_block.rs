// edition: 2024
fn f() { let a = async { 1 }; let b = async move { 2 }; }
async fn g() { h().await; }
async fn h() {}
