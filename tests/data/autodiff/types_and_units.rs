// Unit, tuple, array and slice parameters and returns; long signatures wrap.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(u1, Const, Dual)]
fn f1(x: ()) -> f64 { 1.0 }
#[autodiff_reverse(u2, Active, Active, Active)]
fn f2(t: (f64, f64), a: [f32; 3]) -> [f64; 2] { [t.0, t.1] }
#[autodiff_reverse(u3, Duplicated, Duplicated, Active)]
fn f3(a: &[f64], b: &mut [f64]) -> f64 { a[0] + b[0] }
#[autodiff_forward(u4, 4, Dual, Dual, Dual)]
fn f4(x: [f64; 4], y: (f64,)) -> (f64, [f64; 4]) { (y.0, x) }
#[autodiff_reverse(u5, Active, Active, Active, Active, Active, Active)]
fn some_rather_long_function_name(first_argument: f64, second_argument: f64, third: f64, fourth: f64, fifth: f64) -> f64 { first_argument }
#[autodiff_forward(u6, 3, Dual, Dual, Dual, Dual)]
fn f6(first_argument: &[f64], second_argument: &mut [f64], third_argument: *const f64) -> f64 { 0.0 }
#[autodiff_reverse(u7, Const, Const, Const)]
fn f7(x: u8, y: &str) -> String { String::new() }
#[autodiff_forward(u8_, Dual, Dual)]
fn f8(x: f64) -> Option<f64> { Some(x) }

fn main() {}
