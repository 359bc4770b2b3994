// Spec example 7 and more widths: `Dual` gives W shadows and a `[R; W+1]` return.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(bd1, 1, Dual, Dual)]
fn b1(x: f64) -> f64 { x * x }
#[autodiff_forward(bd2, 2, Dual, Dual)]
fn b2(x: f64) -> f64 { x * x }
#[autodiff_forward(bd3, 3, Dual, Dual)]
fn b3(x: f64, y: f64) -> f64 { x * y }
#[autodiff_forward(bd4, 4, Dual, Dual)]
fn b4(x: f64) -> f64 { x * x }
#[autodiff_forward(bd8, 8, Dual, Const, Dual)]
fn b8(x: &f64, y: f64) -> f64 { *x * y }
#[autodiff_forward(bd2c, 2, Dual, Const)]
fn b2c(x: f64) -> f64 { x }
#[autodiff_forward(bd3o, 3, DualOnly, DualOnly)]
fn b3o(x: f64) -> f64 { x }
#[autodiff_forward(bd2u, 2, Dual, Dual)]
fn b2u(x: f64, out: &mut f64) { *out = x; }

fn main() {}
