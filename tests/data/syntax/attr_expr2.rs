// edition: 2024
#![feature(stmt_expr_attributes)]
fn f(v: Vec<u8>) { let _ = #[cfg(all())] v.len(); g(#[allow(unused)] 1); }
fn g(_: u8) {}
