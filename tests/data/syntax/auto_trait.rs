// edition: 2024
#![feature(auto_traits)]
auto trait Marker {}
pub unsafe auto trait M2 {}
fn f() { let x = 1; }
