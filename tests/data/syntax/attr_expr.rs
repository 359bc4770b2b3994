// edition: 2024
#![feature(stmt_expr_attributes)]
fn f() { let x = #[allow(unused)] 1; let y = (#[inline] 2, 3); let z = [#[allow(unused)] 4]; }
