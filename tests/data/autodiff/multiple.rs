// Spec example 6: several attributes on one fn, generated fns in reverse order.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(rf1, Dual, Const, Dual)]
#[autodiff_forward(rf2, Const, Dual, Dual)]
#[autodiff_reverse(rr3, Active, Active, Active)]
fn rosen(x: f64, y: f64) -> f64 { x * y }

#[autodiff_reverse(m_rev, Duplicated, Const)]
#[inline]
#[autodiff_forward(m_fwd, Dual, Const)]
fn both(x: &[f64]) -> f64 { x[0] }

#[autodiff_forward(t1, Dual, Dual)]
#[autodiff_forward(t2, 2, Dual, Dual)]
#[autodiff_forward(t3, 3, Dualv, Dual)]
#[autodiff_forward(t4, 4, DualOnly, DualOnly)]
fn four(x: f64) -> f64 { x }

fn main() {}
