// edition: 2024
#![feature(pin_ergonomics)]
fn f(x: &pin mut u8, y: &pin const u8) {}
struct S;
impl S { fn g(&pin mut self) {} fn h(&pin const self) {} }
