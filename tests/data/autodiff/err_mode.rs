// E6, E7, E8 and their combinations.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(df1, Duplicated)]
pub fn f1(x: f64) {}
#[autodiff_forward(df19, Dual, Active)]
fn f19(x: f32) -> f32 { x }
#[autodiff_reverse(df20, Active, Dual)]
fn f20(x: f32) -> f32 { x }
#[autodiff_reverse(d5, Dual)]
pub fn f5(x: f64) {}
#[autodiff_forward(df6, Duplicated)]
pub fn f6(x: f64) {}
#[autodiff_reverse(d21, None, Active)]
fn f21(x: f64) -> f64 { x }
#[autodiff_forward(d22, Duplicated, Active, Dual)]
fn f22(x: &f64, y: f64) -> f64 { *x }
#[autodiff_forward(d23, ActiveOnly, Active)]
fn f23(x: f64) -> f64 { x }
#[autodiff_reverse(d24, Duplicated, Dual)]
fn f24(x: f64) -> f64 { x }
#[autodiff_forward(d25, Duplicated, ActiveOnly)]
fn f25(x: &f64) -> f64 { *x }
#[autodiff_reverse(d26, Duplicated, Duplicated, Duplicated, Active)]
fn f26(a: (&f64), b: Box<f64>, c: [f64; 2]) -> f64 { 0.0 }
#[autodiff_reverse(d27, Active, Duplicated)]
fn f27(x: f64) -> f64 { x }
#[autodiff_reverse(d28, DuplicatedOnly, Active)]
fn f28(x: impl AsRef<f64>) -> f64 { 0.0 }
#[autodiff_reverse(d29, Dualv, DualvOnly)]
fn f29(x: f64) -> f64 { x }
#[autodiff_forward(d30, Const, Const, None)]
fn f30(x: f64, y: f64) {}

fn main() {}
