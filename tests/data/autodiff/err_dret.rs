#![feature(autodiff)]
use std::autodiff::*;

// A source parameter named like one the expansion adds: the generated fn binds it twice.
#[autodiff_reverse(d5, Active, Active, Active)]
fn f5(x: f64, dret: f64) -> f64 {
    x * dret
}

#[autodiff_reverse(d1, Active, ActiveOnly)]
fn f1(dret: f64) -> f64 { dret }

// `Const` adds no `dret`, forward mode never does
#[autodiff_reverse(d2, Active, Const)]
fn f2(dret: f64) -> f64 { dret }
#[autodiff_forward(d4, Dual, Dual)]
fn f4(dret: f64) -> f64 { dret }

#[autodiff_reverse(d3, Duplicated, Active)]
fn f3(dret: &f64) -> (f64, f32) { (*dret, 1.0) }
#[autodiff_reverse(d6, Active, Active)]
fn f6(mut dret: f64) -> f64 { dret }

// shadows too
#[autodiff_reverse(d7, Duplicated, Const)]
fn f7(x: &f64, dx_0: &f64) {}
#[autodiff_forward(d8, Const, Dual)]
fn f8(bx_0: f64, x: f64) {}

fn main() {}
