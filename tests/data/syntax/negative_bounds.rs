// edition: 2024
#![feature(negative_bounds)]
fn f<T: !Copy>() {}
