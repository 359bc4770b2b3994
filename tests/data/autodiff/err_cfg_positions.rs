// Where no macro may go, `cfg` and `cfg_attr` still apply first: an inserted macro is
// an error, a macro on a removed node is not.
#![feature(autodiff)]
use std::autodiff::*;

struct F {
    #[cfg_attr(all(), autodiff_forward(n1, Dual))]
    a: f64,
    #[cfg(any())]
    #[autodiff_forward(n2, Dual)]
    b: f64,
    #[autodiff_forward(n3, Dual)]
    #[cfg(any())]
    c: f64,
}
fn g(#[cfg_attr(all(), autodiff_reverse(n4, Active))] x: f64) {}
fn h(#[cfg_attr(all(), cfg(any()), autodiff_reverse(n5, Active))] x: f64) {}
#[autodiff_forward(d1, Dual, Dual)]
fn k(x: f64) -> f64 {
    #[cfg(any())]
    println!("gone");
    #[cfg(all())]
    let y = x;
    #[cfg(any())]
    k(x);
    match 1 {
        #[cfg_attr(all(), autodiff_forward(n6))]
        _ => {}
    }
    y
}

fn main() {}
