// edition: 2024
#![feature(non_lifetime_binders)]
fn f<T>() where for<U> T: From<U> {}
