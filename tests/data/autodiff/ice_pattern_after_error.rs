// rustc 1.95 panics on this input; rust-ast reports it instead.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(d1, Active, Dual)]
fn f(_: f64) -> f64 { 1.0 }

fn main() {}
