// edition: 2024
fn f(t: ((u8, u8), u8)) -> u8 { t.0.1 + t.1 }
