// rustc 1.95 panics on this input; rust-ast reports it instead.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(true, Dual, Dual)]
fn f(x: f64) -> f64 { x }

fn main() {}
