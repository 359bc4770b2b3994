// edition: 2024
#![feature(const_trait_impl)]
const trait T {}
const fn f(x: impl [const] T) {}
