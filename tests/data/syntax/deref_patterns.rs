// edition: 2024
#![feature(deref_patterns)]
fn f(b: Box<Option<u8>>) { match b { deref!(Some(x)) => {} _ => {} } }
