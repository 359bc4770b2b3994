// edition: 2024
#![feature(async_trait_bounds)]
fn f<F: async Fn(u8) -> u8>(f: F) {}
fn g(x: impl async FnMut()) {}
