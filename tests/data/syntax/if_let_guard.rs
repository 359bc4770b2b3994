// edition: 2024
#![feature(if_let_guard)]
fn f(x: Option<Option<u8>>) { match x { Some(y) if let Some(z) = y => {} _ => {} } }
