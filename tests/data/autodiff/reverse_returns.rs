// Spec example 12: reverse mode's return types, and `-> ()` written out.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(d1, Active)]
fn f1(x: f64) { }
#[autodiff_reverse(d2, Active, Active)]
fn f2(x: f64, y: f32) { }
#[autodiff_reverse(d3, Active, ActiveOnly)]
fn f3(x: f64) -> f64 { x }
#[autodiff_reverse(d4, Active, Active, ActiveOnly)]
fn f4(x: f64, y: f64) -> f64 { x }
#[autodiff_reverse(d5, Const, ActiveOnly)]
fn f5(x: f64) -> f64 { x }
#[autodiff_reverse(d6, Active, Const)]
fn f6(x: f64) -> f64 { x }
#[autodiff_reverse(d8, Active, Active)]
fn f8(x: f64) -> (f64, f32) { (x, 0.0) }
#[autodiff_reverse(d9, Active)]
fn f9(x: f64) -> () { }
#[autodiff_reverse(d10, Const)]
fn f10(x: f64) -> () { }
#[autodiff_reverse(d11, Const, Const)]
fn f11(x: f64) -> f64 { x }
#[autodiff_reverse(d12, Active, ActiveOnly, Active, Active)]
fn f12(x: f64, y: f64, z: f32) -> f64 { x }
#[autodiff_reverse(d13, Const)]
fn f13(x: f64) { }

fn main() {}
