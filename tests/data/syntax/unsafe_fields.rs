// edition: 2024
#![feature(unsafe_fields)]
struct S { unsafe a: u8, pub b: u16 }
fn f() {}
