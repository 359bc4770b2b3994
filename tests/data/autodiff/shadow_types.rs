// Spec example 11 and more types: what each shadow's type is.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(s1, Active, Active)]
fn f1(x: &f64) -> f64 { *x }
#[autodiff_reverse(s2, ActiveOnly, Active)]
fn f2(x: &f64) -> f64 { *x }
#[autodiff_forward(s3, Dual, Dual)]
fn f3(x: &mut f64) -> f64 { *x }
#[autodiff_reverse(s4, Duplicated, Active)]
fn f4(x: *const f64) -> f64 { 0.0 }
#[autodiff_reverse(s5, Duplicated, Const)]
fn f5(x: &dyn Fn(f64) -> f64) -> f64 { 0.0 }
#[autodiff_reverse(s6, Active, Active)]
fn f6(x: i32) -> i32 { x }
#[autodiff_reverse(s7, Duplicated, Duplicated, Active)]
fn f7<'a>(x: &'a [f64], y: &'a mut [f64; 4]) -> f64 { x[0] + y[0] }
#[autodiff_reverse(s8, Duplicated, Active)]
fn f8(p: *mut (f64, f64)) -> f64 { 0.0 }
#[autodiff_forward(s9, Dual, Dual, Dual)]
fn f9(t: (f64, f32), a: [f64; 2]) -> f64 { t.0 + a[1] }
#[autodiff_reverse(s10, Active, Duplicated, Active)]
fn f10(x: Box<f64>, v: &Vec<f64>) -> f64 { *x + v[0] }
#[autodiff_forward(s11, Dual, Dual)]
fn f11(x: Option<&f64>) -> f64 { 0.0 }

fn main() {}
