// edition: 2018
struct S { a: u8, b: u8 }
fn f(s: S) -> S { let a = 1; let t = S { a, b: 2 }; S { a: 3, ..t } }
