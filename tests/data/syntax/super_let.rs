// edition: 2024
#![feature(super_let)]
fn f() { let x = { super let y = 1; &y }; }
