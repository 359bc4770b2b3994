// edition: 2024
fn f(a: Option<u8>, b: bool) { if let Some(x) = a && x > 1 && let Some(y) = a && b {} while let Some(_) = a && b {} }
