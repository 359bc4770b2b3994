// edition: 2024
#![feature(box_patterns)]
fn f(b: Box<u8>, c: Box<(u8, u8)>) { let box v = b; let box (x, ref y) = c; }
