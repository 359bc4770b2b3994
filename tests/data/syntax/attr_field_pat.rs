// edition: 2024
struct S { a: u8, b: u8 }
fn f(s: S) { let S { #[allow(unused)] a, #[cfg(all())] b: _ } = s; }
