// Spec example 9: reverse mode batches only `Duplicated` shadows.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(r2, 2, Duplicated, Active)]
fn rb2(x: &[f64]) -> f64 { x[0] }
#[autodiff_reverse(r4, 4, Active, Active)]
fn rb4(x: f64) -> f64 { x }
#[autodiff_reverse(r4o, 4, DuplicatedOnly, ActiveOnly)]
fn rb4o(x: &f64) -> f64 { *x }
#[autodiff_reverse(r3, 3, Duplicated, Const, Duplicated, Const)]
fn rb3(x: &mut f64, c: u32, y: *const f64) -> f64 { *x }
#[autodiff_reverse(r8, 8, Duplicated)]
fn rb8(out: &mut [f64]) { out[0] = 1.0; }

fn main() {}
