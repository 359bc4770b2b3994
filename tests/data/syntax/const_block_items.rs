// edition: 2024
#![feature(const_block_items)]
const { assert!(true); }
fn f() {}
