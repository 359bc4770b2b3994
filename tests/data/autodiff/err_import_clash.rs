// A generated name that an import binds too (E0255), before or after the attribute;
// a prelude name is shadowed without error.
#![feature(autodiff)]
use std::autodiff::*;
mod other { pub fn df() {} pub fn dg() {} }
use other::df;
#[autodiff_reverse(df, Active, Active)]
fn f(x: f64) -> f64 { x }
#[autodiff_reverse(dg, Active, Active)]
fn g(x: f64) -> f64 { x }
use other::{dg};
#[autodiff_reverse(Some, Active, Active)]
fn h(x: f64) -> f64 { x }

fn main() {}
