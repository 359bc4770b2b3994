// Reverse mode returns the gradients of reference parameters, forward mode duplicates a
// returned reference, shadows add references: the generated signature may elide
// lifetimes elision cannot resolve (E0106), where the source was fine.
#![feature(autodiff)]
use std::autodiff::*;
#[autodiff_reverse(d1, Duplicated, Const)]
fn f1(x: &f64) -> &f64 { x }
#[autodiff_reverse(d2, Active, Active, Active)]
fn f2(x: &f64, y: &[f64]) -> f64 { *x }
#[autodiff_reverse(d3, Active, Active)]
fn f3(x: &'_ f64) -> f64 { *x }
#[autodiff_forward(d4, Dual, Dual)]
fn f4(x: &f64) -> &f64 { x }
#[autodiff_reverse(d5, Active, Active)]
fn f5(x: (&f64, &f64)) -> f64 { 0.0 }
#[autodiff_reverse(d6, Const, Active, Active)]
fn f6<'a>(x: &'a f64, y: &f64) -> f64 { *x }
#[autodiff_reverse(d7, Active, Active, Active)]
fn f7<'a>(x: &'a f64, y: &'a f64) -> f64 { *x }
#[autodiff_reverse(d8, Active, Active)]
fn f8(x: std::borrow::Cow<'_, f64>) -> f64 { 0.0 }
struct S;
trait T { fn g(&self, x: &f64) -> f64; fn dg(&self, x: &f64, dret: f64) -> (f64, &f64); }
impl T for S {
    #[autodiff_reverse(dg, Const, Active, Active)]
    fn g(&self, x: &f64) -> f64 { *x }
}
fn main() {}
