// edition: 2024
#![feature(yeet_expr)]
fn f() -> Option<u8> { do yeet; }
fn g() -> Result<u8, u8> { do yeet 1 }
