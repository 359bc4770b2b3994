// edition: 2024
#![feature(gen_blocks)]
fn f() { let v = 1; let g = gen move { yield v; }; }
