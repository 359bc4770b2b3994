// edition: 2024
#![feature(specialization)]
trait T { type A; fn f(); }
impl<X> T for X { default type A = (); default fn f() {} }
impl T for u8 { type A = u8; fn f() {} }
