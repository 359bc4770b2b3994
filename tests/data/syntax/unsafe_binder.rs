// edition: 2024
#![feature(unsafe_binders)]
fn f(x: unsafe<'a> &'a u8) {}
type T = unsafe<'a, 'b> (&'a u8, &'b u8);
