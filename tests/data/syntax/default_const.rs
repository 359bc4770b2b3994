// edition: 2024
#![feature(specialization)]
trait T { const C: u8; }
impl<X> T for X { default const C: u8 = 1; }
