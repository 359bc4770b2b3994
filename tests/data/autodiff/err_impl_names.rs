// Names in impls: in an inherent impl every generated body fails to resolve (E0425,
// rustc reports a repeated one once); in a trait impl a generated fn named like an
// item before it in the expanded impl is a duplicate (E0201).
#![feature(autodiff)]
use std::autodiff::*;
struct S;
impl S {
    #[autodiff_forward(f0, Dual, Dual)]
    fn f0(x: f64) -> f64 { x }
    fn g0() {}
    #[autodiff_forward(g0, Dual, Dual)]
    fn g(x: f64) -> f64 { x }
    #[autodiff_forward(h0, Dual, Dual)]
    #[autodiff_forward(h0, Dual, Dual)]
    fn h(x: f64) -> f64 { x }
}
trait T0 { fn f0(&self); fn k(&self); fn dk(&self); }
impl T0 for S {
    #[autodiff_forward(f0, Dual, Dual)]
    fn f0(&self) {}
    #[autodiff_forward(dk, Dual)]
    #[autodiff_reverse(dk, Const)]
    fn k(&self) {}
}
fn main() {}
