// Without the feature, every use of the macro is gated, wherever it stands.
use std::autodiff::*;
struct F {
    #[autodiff_forward(n6, Dual)]
    a: f64,
}
#[autodiff_forward(n1, Dual, Dual)]
struct S;
fn main() {
    #[autodiff_forward(n10, Dual)]
    let a = 1;
}
