//! A small crate to show what rust-ast sees: the AST and NodeIds, cfg checks, and
//! what `#[autodiff_*]` expands to.
#![feature(autodiff)]
#![cfg_attr(not(feature = "std"), no_std)]

use std::autodiff::*;

mod geometry;

/// The area of a square, and its derivative (reverse mode).
#[autodiff_reverse(d_area, Duplicated, Active)]
pub fn area(side: &f64) -> f64 {
    side * side
}

/// Forward mode, batched over two tangents.
#[autodiff_forward(d_cube, 2, Dual, Dual)]
pub fn cube(x: f64) -> f64 {
    x * x * x
}

#[cfg(feature = "simd")]
pub fn sum(v: &[f32]) -> f32 {
    v.iter().sum()
}

#[cfg(feature = "simdd")] // a typo: not a feature in Cargo.toml
pub fn sum_fast(v: &[f32]) -> f32 {
    v.iter().sum()
}

#[cfg(target_os = "linuz")] // a typo: not a target_os rustc knows
pub fn linux_only() {}

#[cfg(has_fast_math)]
pub const FAST: bool = true;

pub fn scale(values: &mut [f64], k: f64) {
    for v in values.iter_mut() {
        *v *= k;
    }
    if cfg!(tuned = "fast") {
        values.reverse();
    }
}
