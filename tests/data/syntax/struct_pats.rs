// edition: 2024
struct S { a: u8, b: u8 }
fn f(s: S) { let S { a, .. } = s; let S { a: x, b: ref y } = s; }
