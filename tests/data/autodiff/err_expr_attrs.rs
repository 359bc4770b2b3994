#![feature(autodiff)]
use std::autodiff::*;

// An autodiff attribute on an expression: gated (unless the statement ends in `;`),
// and no function to apply to. The attribute is consumed either way.
fn g(h: impl Fn(f64) -> f64) -> f64 {
    h(1.0)
}

fn main() {
    let f = |x: f64| -> f64 { x * x };
    let _ = g(#[autodiff_reverse(df, Active, Active)] |x: f64| -> f64 { x * x });
    let _ = g(#[autodiff_forward(d1, Dual, Dual)] |x| x);
    #[autodiff_reverse(d2, Active)]
    g(|x| x);
    let _ = #[autodiff_forward(d3, Dual)] 1.0;
    let _ = f(1.0);
    #[autodiff_reverse(d4, Active, Active)] |x: f64| x
}
