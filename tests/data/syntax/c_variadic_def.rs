// edition: 2024
#![feature(c_variadic)]
pub unsafe extern "C" fn f(n: u8, mut args: ...) -> u8 { n }
pub unsafe extern "C" fn g(n: u8, _: ...) {}
