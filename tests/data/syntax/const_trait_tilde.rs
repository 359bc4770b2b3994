// edition: 2024
#![feature(const_trait_impl)]
const trait T { fn f(&self); }
const fn g<X: ~const T>(x: &X) {}
