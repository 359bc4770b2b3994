// edition: 2015
// In 2015, `std::` paths resolve at the crate root, `::std::` everywhere.
#![feature(autodiff)]

#[std::autodiff::autodiff_forward(e1, Dual, Dual)]
fn a(x: f64) -> f64 { x }
#[::std::autodiff::autodiff_reverse(e2, Active, Active)]
fn b(x: f64) -> f64 { x }
mod m {
    #[::std::autodiff::autodiff_reverse(e3, Active, Active)]
    fn c(x: f64) -> f64 { x }
    use std::autodiff::autodiff_forward;
    #[autodiff_forward(e4, Dual, Dual)]
    fn d(x: f64) -> f64 { x }
}

fn main() {}
