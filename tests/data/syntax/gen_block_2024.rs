// edition: 2024
#![feature(gen_blocks)]
fn f() { let g = gen { yield 1; }; let h = gen move { yield 2; }; }
