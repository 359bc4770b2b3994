// edition: 2024
#![feature(const_closures, const_trait_impl)]
const fn f() { let c = const || 1; let d = const move |x: u8| x; }
