// E5: the number of activities; the generated fn keeps the source's signature.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(df3, Duplicated, Const)]
pub fn f3(x: f64) {}
#[autodiff_forward(d6, 2)]
fn f6(x: f64) { }
#[autodiff_reverse(d1, Active, None)]
fn f1(x: f64) -> f64 { x }
#[autodiff_forward(d2, Dual, None)]
fn f2(x: f64) {}
#[autodiff_forward(d4, Const, Dual, Const, Dual)]
fn f4(x: f64) -> f64 { x }
#[autodiff_reverse(d5, Active, Active)]
fn f5(x: f64) -> () { }
#[autodiff_forward(d7, Dual, ActiveOnly, Dual)]
fn f7(x: f64) -> f64 { x }
#[autodiff_reverse(d8, Active)]
fn f8(x: f64, y: f64) -> f64 { x }

fn main() {}
