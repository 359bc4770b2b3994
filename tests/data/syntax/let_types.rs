// edition: 2024
fn f() { let a: u8; let b: Option<u8> = None; let (c, d): (u8, u8) = (1, 2); a = 1; }
