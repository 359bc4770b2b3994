// edition: 2024
fn f() -> u8 { let v = 'a: { if true { break 'a 1; } 2 }; 'b: loop { break 'b; } v }
