// edition: 2024
#![feature(more_qualified_paths)]
trait Tr { type Out; }
struct S { a: u8 }
struct Q;
impl Tr for Q { type Out = S; }
fn f() { let s = <Q as Tr>::Out { a: 1 }; let <Q as Tr>::Out { a } = s; }
