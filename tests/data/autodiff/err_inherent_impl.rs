// Spec example 15: in an inherent impl the bare names do not resolve (E0425).
#![feature(autodiff)]
use std::autodiff::*;

struct Foo { a: f64 }
impl Foo {
    #[autodiff_reverse(d1, Duplicated, Active, Active)]
    fn f1(&self, x: f64) -> f64 { x }
    #[autodiff_forward(d2, Dual, Dual, Dual)]
    fn f2(&mut self, x: f64) -> f64 { x }
    #[autodiff_forward(d3, Dual, Dual, Dual)]
    fn f3(mut self, x: f64) -> f64 { x }
    #[autodiff_forward(d4, Dual, Dual)]
    pub fn f4(x: f64) -> f64 { x }
}

fn main() {}
