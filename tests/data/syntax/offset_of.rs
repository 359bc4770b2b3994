// edition: 2024
struct S { a: u8 }
fn f() -> usize { core::mem::offset_of!(S, a) }
