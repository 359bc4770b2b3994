// edition: 2024
#![feature(stmt_expr_attributes)]
fn f() { let x = #[allow(unused)] 1; let y = (#[allow(unused)] 2, 3); g(#[inline] 4); }
fn g(_: u8) {}
