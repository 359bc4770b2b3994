// Spec example 14 and more: generics, lifetimes, const params, where clauses, `impl Trait`.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(dg, Dual, Const, Dual)]
pub fn g<'a, T: Copy + Into<f64>, const N: usize>(x: &'a [f64; N], t: T) -> f64 where T: Clone { x[0] }
#[autodiff_reverse(d9, Duplicated, Const)]
fn f9<'a>(x: &'a [f64]) -> f64 { x[0] }
#[autodiff_forward(d2, Dual, Dual)]
fn f2(x: impl Into<f64>) -> f64 { x.into() }
#[autodiff_reverse(dw, Duplicated, Const, Active)]
fn w<T, U>(x: &T, u: U) -> f64 where T: AsRef<[f64]> + ?Sized, U: Default, for<'b> &'b U: Sized { x.as_ref()[0] }
#[autodiff_forward(dd, Dual, Dual)]
fn defaults<T: Into<f64> = f64, const M: u8 = 3>(x: T) -> f64 { x.into() }
#[autodiff_reverse(dlt, Duplicated, Duplicated, Active)]
fn lt<'a, 'b: 'a>(x: &'a f64, y: &'b mut f64) -> f64 where 'b: 'a { *x }

fn main() {}
