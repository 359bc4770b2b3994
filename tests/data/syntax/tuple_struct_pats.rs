// edition: 2024
struct P(u8, u8, u8);
fn f(p: P) { let P(a, ..) = p; let P(.., c) = p; }
