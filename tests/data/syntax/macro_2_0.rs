// edition: 2024
#![feature(decl_macro)]
macro m($x:expr) { $x }
pub macro n { ($y:ident) => { $y } }
fn f() {}
