// edition: 2024
#![feature(pin_ergonomics)]
fn f(mut x: u8) { let p = &pin mut x; let q = &pin const x; }
