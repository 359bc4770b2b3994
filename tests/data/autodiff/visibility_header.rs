// Spec example 17: visibility and header are copied, `unsafe` added for *Only.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(d1, Dual, Dual)]
pub(crate) unsafe fn f1(x: f64) -> f64 { x }
#[autodiff_forward(d3, DualOnly, Dual)]
pub const extern "C" fn f3(x: &f64) -> f64 { *x }
#[autodiff_forward(d5, Dual, Dual)]
pub(in crate) const unsafe extern "C" fn f5(x: f64) -> f64 { x }
#[autodiff_reverse(d6, Active, Active)]
pub async fn f6(x: f64) -> f64 { x }
#[autodiff_reverse(d7, Active, Active)]
pub(self) extern fn f7(x: f64) -> f64 { x }
#[autodiff_reverse(d9, DuplicatedOnly, Const)]
const fn f9(x: &f64) -> f64 { *x }

mod inner {
    use std::autodiff::autodiff_reverse;
    #[autodiff_reverse(d10, Active, Active)]
    pub(super) fn f10(x: f64) -> f64 { x }
    #[autodiff_forward(d8, Dual, Dual)]
    pub(self) fn f8(x: f64) -> f64 { x }
}

fn main() {}
