// edition: 2024
#![feature(specialization)]
trait T { fn f(&self); type A; }
impl<X> T for X { default fn f(&self) {} default type A = u8; }
default impl<X: Copy> T for Vec<X> {}
