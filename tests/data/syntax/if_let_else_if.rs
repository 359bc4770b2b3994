// edition: 2024
fn f(o: Option<u8>) { if let Some(x) = o { } else if let None = o { } else { } }
