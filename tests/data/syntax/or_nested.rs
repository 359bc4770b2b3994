// edition: 2024
fn f(x: Option<u8>) { match x { Some(1 | 2) | None => {} Some(_) => {} } }
