// Without `#![feature(autodiff)]` rustc reports E0658 but still expands.
use std::autodiff::*;

#[autodiff_reverse(df, Duplicated, Active)]
fn square(x: &f64) -> f64 { x * x }
#[std::autodiff::autodiff_forward(d2, Dual, Dual)]
fn g(x: f64) -> f64 { x }
#[autodiff_forward(d3, Dual)]
fn h(x: f64) -> f64 { x }

fn main() {}
