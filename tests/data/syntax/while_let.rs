// edition: 2024
fn f(mut v: Vec<u8>) { while let Some(x) = v.pop() { let _ = x; } }
