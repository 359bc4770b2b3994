// Spec example 19: a fn inside a fn body; `mut`/`ref` patterns; deeper blocks.
#![feature(autodiff)]
use std::autodiff::*;

pub fn outer() {
    #[autodiff_forward(d_inner, Dual, Dual)]
    fn inner(mut x: f32) -> f32 { x *= 2.0; x }
    let _ = 1;
}
#[autodiff_reverse(dref, Duplicated, Active)]
fn fref(ref x: &f64) -> f64 { **x }
#[autodiff_reverse(dmut, Active, Active)]
fn fmut(mut x: f64) -> f64 { x += 1.0; x }

fn deeper(flag: bool) -> f64 {
    if flag {
        #[autodiff_reverse(d_deep, Active, Active)]
        fn deep(x: f64) -> f64 { x.sin() }
        d_deep(1.0, 1.0).1
    } else {
        let v = {
            #[autodiff_forward(d_block, Dual, Dual)]
            fn in_block(x: f64) -> f64 { x }
            d_block(1.0, 1.0).0
        };
        v
    }
}

#[autodiff_forward(d_outer2, Dual, Dual)]
fn outer2(x: f64) -> f64 {
    #[autodiff_forward(d_inner2, Dual, Dual)]
    fn inner2(x: f64) -> f64 { x }
    d_inner2(x, 1.0).0
}

fn main() {}
