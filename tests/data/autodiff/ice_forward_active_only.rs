// rustc 1.95 panics on this input; rust-ast reports it instead.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(d1, Dual, ActiveOnly)]
fn f(x: f64) -> f64 { x }

fn main() {}
