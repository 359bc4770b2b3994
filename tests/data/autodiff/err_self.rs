// E7 on receivers: `self` by value and `self: Box<Self>` are not references.
#![feature(autodiff)]
use std::autodiff::*;

struct R;
trait T {
    fn a(self, x: f64) -> f64;
    fn b(self: Box<Self>, x: f64) -> f64;
}
impl T for R {
    #[autodiff_reverse(e_a, Duplicated, Active, Active)]
    fn a(self, x: f64) -> f64 { x }
    #[autodiff_reverse(e_b, Duplicated, Active, Active)]
    fn b(self: Box<Self>, x: f64) -> f64 { x }
}

fn main() {}
