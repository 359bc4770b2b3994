// edition: 2024
#![feature(gen_blocks, async_iterator)]
fn f() { let a = async gen { yield 1; }; let b = async gen move { yield 2; }; }
