// Spec example 8: `Dualv`/`DualvOnly` pass one shadow whatever the width.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(v2, 2, Dual, DualOnly)]
fn b2(x: f64) -> f64 { x * x }
#[autodiff_forward(v4, 4, Dualv, Dualv)]
fn b4(x: &[f64]) -> f64 { x[0] }
#[autodiff_forward(v4b, 4, DualvOnly, DualvOnly)]
fn b4b(x: &[f64]) -> f64 { x[0] }
#[autodiff_forward(v6, 3, Dualv, Dual)]
fn b6(x: &[f64]) -> f64 { x[0] }
#[autodiff_forward(v8, 8, Dualv, Const, DualvOnly)]
fn b8(x: &[f64], n: usize) -> f64 { x[n] }
#[autodiff_forward(v1, 1, Dualv, Dualv)]
fn b1(x: f64) -> f64 { x }
#[autodiff_forward(v2o, 2, DualvOnly, Dualv)]
fn b2o(x: &mut [f64]) -> f64 { x[0] }

fn main() {}
