// How the width and activities are read: hex and underscored widths, widths up to
// 8, arguments of activities ignored, a trailing comma, the name from `d = ..`.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(l1, 1_0, Const, Const)]
fn f1(x: f64) -> f64 { x }
#[autodiff_forward(l2, 0x2, Dual, Dual)]
fn f2(x: f64) -> f64 { x }
#[autodiff_forward(l3, Dual(x), Dual = 3)]
fn f3(x: f64) -> f64 { x }
#[autodiff_forward(l4, Dual, Dual,)]
fn f4(x: f64,) -> f64 { x }
#[autodiff_forward(l5 = 3, Dual, Dual)]
fn f5(x: f64) -> f64 { x }
#[autodiff_forward(l6(x), 0b11, Dual, Dual)]
fn f6(x: f64) -> f64 { x }
#[autodiff_reverse(l7, 0o10, Duplicated, Active)]
fn f7(x: &f64) -> f64 { *x }
#[autodiff_forward(
    l8,
    2,
    Dual,
    Dual,
)]
fn f8(x: f64) -> f64 { x }

fn main() {}
