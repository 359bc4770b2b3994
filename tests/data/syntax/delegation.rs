// edition: 2024
#![feature(fn_delegation)]
trait T { fn f(&self) -> u8; }
struct S;
impl T for S { reuse T::f; }
reuse T::f as g;
