// edition: 2024
#![feature(impl_trait_in_bindings)]
fn f() { let x: impl Copy = 1u8; }
