// edition: 2021
#![feature(try_blocks)]
fn f() { let r: Option<u8> = try { Some(1)? + 1 }; }
