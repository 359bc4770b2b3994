// E0428: a generated name meets another value name of its module or block.
#![feature(autodiff)]
use std::autodiff::*;

fn dfirst() {}
#[autodiff_reverse(dfirst, Active, Active)]
fn a(x: f64) -> f64 { x }
#[autodiff_reverse(same, Active, Active)]
fn same(x: f64) -> f64 { x }
#[autodiff_reverse(dd, Active, Active)]
#[autodiff_reverse(dd, Active, Active)]
fn b(x: f64) -> f64 { x }
const CC: u8 = 1;
#[autodiff_reverse(CC, Active, Active)]
fn c(x: f64) -> f64 { x }
struct TS(u8);
#[autodiff_reverse(TS, Active, Active)]
fn t(x: f64) -> f64 { x }
struct NS { a: u8 }
#[autodiff_reverse(NS, Active, Active)]
fn n(x: f64) -> f64 { x }
#[autodiff_forward(dlater, Dual, Dual)]
fn e(x: f64) -> f64 { x }
fn dlater() {}
fn main() {
    fn inner() {}
    #[autodiff_reverse(inner, Active, Active)]
    fn i(x: f64) -> f64 { x }
}
mod m {
    use std::autodiff::*;
    static S1: f64 = 0.0;
    #[autodiff_forward(S1, Dual, Dual)]
    fn s(x: f64) -> f64 { x }
}
