// edition: 2024
#![feature(guard_patterns)]
fn f(x: Option<u8>) { match x { Some(y if y > 1) | None => {} _ => {} } }
