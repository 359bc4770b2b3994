// edition: 2024
#![feature(stmt_expr_attributes)]
fn f(v: Vec<u8>) -> usize { let a = #[allow(unused)] v.len(); #[allow(unused)] a + 1 }
