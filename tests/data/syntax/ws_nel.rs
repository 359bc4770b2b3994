// edition: 2024
fn f() {let x = 1; let y = 2; }
‎fn g() {}‏
