// edition: 2024
fn f() { let gen = 1; }
fn g() {}
