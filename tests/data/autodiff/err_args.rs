// E2, E3, E4 and the argument syntax: nothing is generated, the item stays.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward]
pub fn f1(x: f64) {}
#[autodiff_reverse = "d"]
pub fn f2(x: f64) {}
#[autodiff_forward()]
pub fn f3(x: f64) {}
#[autodiff_forward(df4, Forward, Reverse)]
pub fn f4() {}
#[autodiff_forward(dbig, 4294967296, Dual, Dual)]
fn fbig(x: f64) -> f64 { x }
#[autodiff_forward(d6, Foo(x), Bar = 3)]
fn f6(x: f64) -> f64 { x }
#[autodiff_forward(d7, Dual, Dual, 7)]
fn f7(x: f64) -> f64 { x }
#[autodiff_forward(d8, dual, Dual)]
fn f8(x: f64) -> f64 { x }
#[autodiff_reverse(d9, FakeActivitySize, Active)]
fn f9(x: f64) -> f64 { x }
#[autodiff_forward(d10, -1, Dual, Dual)]
fn f10(x: f64) -> f64 { x }
#[autodiff_forward(d11, 5000000000, Foo)]
fn f11(x: f64) -> f64 { x }

fn main() {}
