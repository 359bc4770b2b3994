// edition: 2024
struct S { v: Vec<(u8, u8)> }
fn f(s: S) -> u8 { s.v[0].1 + (s.v)[1].0 }
