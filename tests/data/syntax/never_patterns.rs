// edition: 2024
#![feature(never_patterns)]
enum V {}
fn f(x: Result<u8, V>) { match x { Ok(y) => {} Err(!) } }
