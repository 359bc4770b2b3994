// edition: 2024
#![feature(coroutines, stmt_expr_attributes)]
fn f() { let c = #[coroutine] || { yield 1; }; let d = #[coroutine] static || { yield; }; }
