// edition: 2024
fn f(a: u8,‎ b: u8) -> u8 {‏ a + b }
fn g() {}
