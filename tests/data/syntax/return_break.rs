// edition: 2024
fn f() -> u8 { let x = loop { break 1; }; if x > 0 { return x; } return 0 }
