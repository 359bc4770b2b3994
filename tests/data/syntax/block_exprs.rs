// edition: 2024
fn f() -> u8 { let a = { 1 }; let b = unsafe { 2 }; { a + b } }
