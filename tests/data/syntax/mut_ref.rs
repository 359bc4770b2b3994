// edition: 2024
#![feature(mut_ref)]
fn f(x: u8) { let mut ref y = x; let (mut ref mut z, _) = (1, 2); }
