// Methods expand without errors when the names in the generated body resolve:
// free fns named like an inherent method and its generated fn, or a trait that
// declares the generated method (then the paths are `Self::`).
#![feature(autodiff)]
use std::autodiff::*;

struct Foo { a: f64 }
impl Foo {
    #[autodiff_forward(m_d1, Dual, Dual)]
    fn m1(x: f64) -> f64 { x }
    #[autodiff_reverse(m_d2, Duplicated, Active, Active)]
    fn m2(&self, x: f64) -> f64 { x + self.a }
}
fn m1(x: f64) -> f64 { x }
fn m_d1(x: f64, bx_0: f64) -> (f64, f64) { (x, bx_0) }
fn m2(x: f64) -> f64 { x }
fn m_d2() {}

struct W<T>(T);
trait Tr {
    fn g(&self, x: f64) -> f64;
    fn t_d2(&self, x: f64, dret: f64) -> (f64, f64);
    fn h(&mut self, x: f64) -> f64;
    fn t_dh(&mut self, bself_0: &mut Self, x: f64, bx_0: f64) -> (f64, f64);
    fn k(self, x: f64) -> f64;
    fn t_dk(self, bself_0: Self, x: f64, bx_0: f64) -> (f64, f64);
    fn s(self: &Self, x: &[f64]) -> f64;
    fn t_ds(self: &Self, dself_0: &mut Self, x: &[f64], dx_0: &mut [f64], dx_1: &mut [f64]) -> f64;
}
impl<T> Tr for W<T> {
    #[autodiff_reverse(t_d2, Const, Active, Active)]
    fn g(&self, x: f64) -> f64 { x }
    #[autodiff_forward(t_dh, Dual, Dual, Dual)]
    fn h(&mut self, x: f64) -> f64 { x }
    #[autodiff_forward(t_dk, Dual, Dual, Dual)]
    fn k(mut self, x: f64) -> f64 { x }
    #[autodiff_reverse(t_ds, 2, Duplicated, Duplicated, Const)]
    fn s(self: &Self, x: &[f64]) -> f64 { x[0] }
}

trait Gen<U> {
    fn tg<V: Copy>(&self, v: V, x: f64) -> f64;
    fn t_dg<V: Copy>(&self, v: V, x: f64, bx_0: f64) -> (f64, f64);
}
impl<U> Gen<U> for W<U> {
    #[autodiff_forward(t_dg, Const, Const, Dual, Dual)]
    fn tg<V: Copy>(&self, v: V, x: f64) -> f64 { x }
}

fn main() {}
