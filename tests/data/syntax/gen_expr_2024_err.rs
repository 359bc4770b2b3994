// edition: 2024
fn f(x: u8) -> u8 { gen(x) }
fn g() {}
