// edition: 2024
struct S { a: u8 }
fn f() { let s = S { #[allow(unused)] a: 1 }; }
