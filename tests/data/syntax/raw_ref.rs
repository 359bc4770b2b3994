// edition: 2024
fn f() { let x = 1; let p = &raw const x; let mut y = 2; let q = &raw mut y; }
