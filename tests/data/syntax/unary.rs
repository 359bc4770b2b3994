// edition: 2024
fn f(a: i8, b: bool, c: &u8) { let x = -a; let y = !b; let z = *c; let w = -(-a); }
