// Spec example 18: other attributes stay on the source, `#[inline(never)]` is added
// to the generated fn when the source has any `inline`.
#![feature(autodiff)]
use std::autodiff::*;

/// doc for f
#[inline]
#[autodiff_forward(d1, Dual, Dual)]
#[no_mangle]
#[must_use]
pub fn f(x: f64) -> f64 { x }
#[autodiff_forward(d2, Dual, Dual)]
#[inline(always)]
fn g(x: f64) -> f64 { x }
#[cfg_attr(all(), autodiff_forward(d3, Dual, Dual))]
fn h(x: f64) -> f64 { x }
#[allow(unused_variables)]
/** block doc */
#[autodiff_reverse(d4, Const, Active)]
#[deprecated = "use d4"]
#[cold]
fn k(x: f64) -> f64 { 1.0 }
#[autodiff_reverse(d5, Active, Active)]
#[inline(never)]
#[doc(hidden)]
fn m(x: f64) -> f64 { x }

fn main() {}
