// E1: the macro only takes fns (and fns of impls); other positions.
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_forward(n1, Dual, Dual)]
struct S;
trait Tr {
    #[autodiff_forward(n2, Dual, Dual, Dual)]
    fn t(&self, x: f64) -> f64 { x }
    #[autodiff_reverse(n3, Const, Active, Active)]
    fn u(&self, x: f64) -> f64;
}
extern "C" {
    #[autodiff_forward(n4, Dual, Dual)]
    fn ext(x: f64) -> f64;
}
enum E {
    #[autodiff_forward(n5, Dual)]
    A,
}
struct F {
    #[autodiff_forward(n6, Dual)]
    a: f64,
}
fn p(#[autodiff_forward(n7, Dual)] x: f64) {}
struct W;
impl W {
    #[autodiff_forward(n8, Dual)]
    const C: u8 = 1;
}
#[autodiff_reverse(n9, Active)]
const K: f64 = 1.0;
#[autodiff_forward]
mod m {}
fn main() {
    #[autodiff_forward(n10, Dual)]
    let a = 1;
}
