// Spec example 10: the *Only activities and `unsafe`.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(o1, DualOnly, DualOnly)]
fn b1(x: &f64) -> f64 { *x }
#[autodiff_forward(o2, DualvOnly, DualvOnly)]
fn b2(x: f64) -> f64 { x }
#[autodiff_forward(o3, 3, DualOnly, Const)]
fn b3(x: f64) -> f64 { x }
#[autodiff_reverse(o4, DuplicatedOnly, Active)]
fn b4(x: &f64) -> f64 { *x }
#[autodiff_reverse(o5, ActiveOnly, ActiveOnly)]
fn b5(x: f64) -> f64 { x }
#[autodiff_reverse(o6, Duplicated, ActiveOnly)]
unsafe fn b6(x: *const f64) -> f64 { *x }
#[autodiff_forward(o7, Const, DualOnly)]
fn b7(x: f64) -> f64 { x }

fn main() {}
