// A suffixed width is reported, yet the attribute expands; wrong delimiters too.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(s1, 2usize, Dual, Dual)]
fn f1(x: f64) -> f64 { x }
#[autodiff_forward[s2, Dual, Dual]]
fn f2(x: f64) -> f64 { x }

fn main() {}
