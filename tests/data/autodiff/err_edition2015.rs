// edition: 2015
// An `async fn` is an error in 2015 (E0670): on the annotated fn, so on its expansion.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(d6, Active, Active)]
pub async fn f6(x: f64) -> f64 { x }
#[autodiff_forward(d7, Dual, Dual)]
fn f7(x: f64) -> f64 { x }

fn main() {}
