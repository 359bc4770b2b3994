// edition: 2024
#![feature(closure_lifetime_binder)]
fn f() { let c = for<'a> |x: &'a u8| -> &'a u8 { x }; let d = for<> || {}; }
