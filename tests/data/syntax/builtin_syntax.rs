// edition: 2024
#![feature(builtin_syntax)]
struct S { a: u8 }
fn f() -> usize { builtin # offset_of(S, a) }
fn g(x: u8) { let y = builtin # type_ascribe(x, u8); }
