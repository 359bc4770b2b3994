// edition: 2024
#![feature(unboxed_closures)]
extern "rust-call" fn f(args: (u8,)) {}
