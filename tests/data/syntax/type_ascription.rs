// edition: 2024
#![feature(type_ascription)]
fn f(x: u8) { let y = type_ascribe!(x, u8); }
