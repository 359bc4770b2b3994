// Spec example 22: a cfg'd-out parameter counts, then vanishes but stays in the body.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(d2, Dual, Dual, Dual)]
fn f2(#[cfg(any())] y: f64, x: f64) -> f64 { x }
#[autodiff_forward(d1, Dual, Dual)]
fn f1(#[cfg(any())] y: f64, x: f64) -> f64 { x }
#[cfg_attr(all(), autodiff_forward(d3, Dual, Dual))]
#[doc = "x"]
fn f3(#[cfg(any())] y: f64, #[cfg(all())] x: f64) -> f64 { #[cfg(any())] let z = 1; x }
#[autodiff_reverse(d4, Const, Active, Active)]
fn f4(#[cfg(not(unix))] w: f64, v: f64) -> f64 { v }

fn main() {}
