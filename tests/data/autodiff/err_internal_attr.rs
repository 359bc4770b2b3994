// A user-written `#[rustc_autodiff]` stays where it is (no second marker) and is an error.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(d1, Dual, Dual)]
#[autodiff_forward(d1b, Dual, Dual)]
#[rustc_autodiff]
fn f(x: f64) -> f64 { x }

fn main() {}
