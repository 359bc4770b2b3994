// edition: 2024
#![feature(min_generic_const_args)]
trait Tr { const N: usize; }
fn f<T: Tr<N = 3>>() {}
fn g(x: impl Tr<N = { 1 + 2 }>) {}
