// edition: 2024
struct S { gen: u8 }
fn g() {}
