// edition: 2024
#![feature(builtin_syntax)]
struct P { x: (u8, u16), y: Q<u8> }
struct Q<T> { t: T }
fn f() -> usize { let a = builtin # offset_of(P, x.1); a + builtin # offset_of(Q<u8>, t) }
fn g(v: Vec<u8>) -> usize { builtin # type_ascribe(v.len() + 1, usize) }
