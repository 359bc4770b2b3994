// `cfg_attr` and `cfg`: expanded before the macro sees the item.
#![feature(autodiff)]
use std::autodiff::*;

#[cfg_attr(all(), autodiff_forward(c1, Dual, Dual))]
fn a(x: f64) -> f64 { x }
#[cfg_attr(any(), autodiff_forward(c2, Dual, Dual))]
fn b(x: f64) -> f64 { x }
#[cfg_attr(all(), cfg_attr(unix, autodiff_reverse(c3, Active, Active)))]
fn c(x: f64) -> f64 { x }
#[cfg(all())]
#[autodiff_forward(c4, Dual, Dual)]
fn d(x: f64) -> f64 { x }
#[cfg(any())]
#[autodiff_forward(c5, Dual, Dual)]
fn e(x: f64) -> f64 { x }
#[autodiff_forward(c6, Dual, Dual)]
fn f(#[cfg(all())] x: f64) -> f64 {
    #[cfg(any())]
    let y = 1;
    #[cfg(all())]
    let z = 2.0;
    x + z
}
#[cfg_attr(all(), inline, autodiff_forward(c7, Dual, Dual), cold)]
fn g(x: f64) -> f64 { x }
#[autodiff_forward(c8, Dual, Dual)]
#[cfg(unix)]
fn h(x: f64) -> f64 { x }
#[cfg_attr(not(unix), autodiff_forward(c9, Dual, Dual))]
#[cfg_attr(unix, autodiff_reverse(c10, Active, Active))]
fn k(x: f64) -> f64 { x }

fn main() {}
