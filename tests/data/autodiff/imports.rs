// How an attribute resolves: renamed imports, module aliases, full paths, imports in
// blocks and modules.
#![feature(autodiff)]
use std::autodiff::{autodiff_forward as fwd, autodiff_reverse};
use std::autodiff as ad;
use std::autodiff::{self as ad2};

#[fwd(i1, Dual, Dual)]
fn a(x: f64) -> f64 { x }
#[autodiff_reverse(i2, Active, Active)]
fn b(x: f64) -> f64 { x }
#[ad::autodiff_forward(i3, Dual, Dual)]
fn c(x: f64) -> f64 { x }
#[std::autodiff::autodiff_reverse(i4, Active, Active)]
fn d(x: f64) -> f64 { x }
#[::std::autodiff::autodiff_forward(i5, Dual, Dual)]
fn e(x: f64) -> f64 { x }
#[ad2::autodiff_reverse(i6, Active, Active)]
fn f(x: f64) -> f64 { x }

fn scoped() {
    use std::autodiff::autodiff_forward as local_fwd;
    #[local_fwd(i7, Dual, Dual)]
    fn g(x: f64) -> f64 { x }
    {
        #[local_fwd(i8, Dual, Dual)]
        fn g2(x: f64) -> f64 { x }
    }
}

mod m {
    use std::autodiff::*;
    #[autodiff_forward(i9, Dual, Dual)]
    fn h(x: f64) -> f64 { x }
    mod deeper {
        #[std::autodiff::autodiff_reverse(i10, Active, Active)]
        fn k(x: f64) -> f64 { x }
    }
}

fn main() {}
