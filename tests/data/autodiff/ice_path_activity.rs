// rustc 1.95 panics on this input; rust-ast reports it instead.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(d1, Active, a::Active)]
fn f(x: f64) -> f64 { x }

fn main() {}
