#![feature(autodiff)]
use std::autodiff::*;

// The inner form in a fn body applies to the fn (in an order of its own), but is gated.
fn square(x: &f64) -> f64 {
    #![autodiff_reverse(df, Duplicated, Active)]
    x * x
}

fn two(x: f64) -> f64 {
    #![autodiff_reverse(d2, Active, Active)]
    #![autodiff_forward(d3, Dual, Dual)]
    x
}

struct S;

impl Clone for S {
    fn clone(&self) -> S {
        #![autodiff_forward(clone2, Const, Const)]
        S
    }
}

mod inner {
    #![std::autodiff::autodiff_forward(d, Dual)]
}

fn main() {}
