// Spec example 16: in a trait impl the generated method is no trait member (E0407).
#![feature(autodiff)]
use std::autodiff::*;

struct W<T>(T);
trait Tr { fn g(&self, x: f64) -> f64; }
impl<T> Tr for W<T> {
    #[autodiff_reverse(d2, Const, Active, Active)]
    fn g(&self, x: f64) -> f64 { x }
}
impl Clone for W<u8> {
    #[autodiff_forward(dclone, Dual, Dual)]
    fn clone(&self) -> Self { W(self.0) }
}

fn main() {}
