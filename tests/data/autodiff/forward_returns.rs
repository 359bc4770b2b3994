// Spec example 13: forward mode's return types, width 0, pointers.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(d2, 3, Const, Const)]
fn f2(x: f64) -> f64 { x }
#[autodiff_forward(d3, 2, Dual, Dual)]
fn f3(x: f64) -> (f64, f64) { (x, x) }
#[autodiff_forward(d7, 2, Dual)]
fn f7(x: *const f64) { }
#[autodiff_forward(d0, 0, Dual, Dual)]
fn f0(x: f64) -> f64 { x }
#[autodiff_forward(d0o, 0, DualOnly, DualOnly)]
fn f0o(x: f64) -> f64 { x }
#[autodiff_forward(d0v, 0, Dualv, Dualv)]
fn f0v(x: f64) -> f64 { x }
#[autodiff_forward(dunit, Dual)]
fn funit(x: f64) -> () { }
#[autodiff_forward(dnone, 3, Const)]
fn fnone(x: f64) { }
#[autodiff_forward(dnoparams)]
fn fnoparams() { }
#[autodiff_forward(dnoparams2, 2, Const)]
fn fnoparams2() -> f64 { 1.0 }
#[autodiff_forward(dparen, Dual, Dual)]
fn fparen(x: f64) -> (f64) { x }

fn main() {}
