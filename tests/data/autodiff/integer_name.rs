// An integer as the name: rustc generates a fn literally named after the number.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(0x10, Dual, Dual)]
fn f(x: f64) -> f64 { x }
#[autodiff_reverse(2, Active, Active)]
fn g(x: f64) -> f64 { x }

fn main() {}
