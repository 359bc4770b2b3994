// Without an import the attribute is unknown; in a module the parent's import is not seen.
#![feature(autodiff)]

#[autodiff_forward(d1, Dual, Dual)]
fn f(x: f64) -> f64 { x }
mod m {
    use std::autodiff::autodiff_forward as fwd;
    fn outer() {
        #[fwd(d3, Dual, Dual)]
        fn h(x: f64) -> f64 { x }
    }
    mod inner {
        #[autodiff_reverse(d4, Active, Active)]
        fn k(x: f64) -> f64 { x }
    }
}

fn main() {}
