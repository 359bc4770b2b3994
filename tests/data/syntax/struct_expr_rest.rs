// edition: 2024
#[derive(Default)]
struct S { a: u8, b: u8 }
fn f() -> S { S { a: 1, ..Default::default() } }
