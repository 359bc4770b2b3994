// edition: 2024
#![feature(default_field_values)]
struct S { a: u8 = 1, b: u16, c: Vec<u8> = Vec::new() }
fn f() -> S { S { b: 2, .. } }
