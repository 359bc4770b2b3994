// edition: 2024
struct T(u8, u8);
fn f(t: T) { let T { 0: a, 1: b } = t; let _ = T { 0: a, 1: b }; }
