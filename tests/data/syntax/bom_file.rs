// edition: 2024
fn f() { let é = 1; }
