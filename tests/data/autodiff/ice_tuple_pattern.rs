// rustc 1.95 panics on this input; rust-ast reports it instead.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(d1, Dual, Dual)]
fn f((a, b): (f64, f64)) -> f64 { a }

fn main() {}
