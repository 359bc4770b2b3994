// Spec examples 1-5: the two modes, unit returns, `-> ()` written out.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(df, Duplicated, Active)]
fn square(x: &f64) -> f64 {
    x * x
}

#[autodiff_forward(dsq, Dual, Dual)]
fn sq(x: &f64) -> f64 {
    x * x
}

#[autodiff_reverse(d_rosen, Active, Active, Active)]
fn rosen(x: f64, y: f64) -> f64 { x * y }

#[autodiff_reverse(d_inp, Active, Active, Duplicated)]
fn inp(x: f64, y: f64, out: &mut f64) { *out = x * y; }

#[autodiff_forward(f_inp, Dual, Dual, Dual)]
fn inp2(x: f64, y: f64, out: &mut f64) { *out = x * y; }

/// A polynomial, with a longer body.
#[autodiff_reverse(d_poly, Active, Const, Active)]
pub fn poly(x: f64, c: [f64; 3]) -> f64 {
    let mut acc = 0.0;
    for (i, k) in c.iter().enumerate() {
        acc += k * x.powi(i as i32);
    }
    if acc > 1e9 { return f64::INFINITY; }
    match c.len() {
        0 => 0.0,
        n if n > 10 => { acc / n as f64 }
        _ => acc,
    }
}

fn main() {}
