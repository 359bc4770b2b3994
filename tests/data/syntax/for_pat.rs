// edition: 2024
fn f(v: Vec<(u8, u8)>) { for (a, b) in v {} for _ in 0..1 {} }
