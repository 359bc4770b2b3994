// edition: 2024
#![feature(type_alias_impl_trait)]
type A = impl Sized;
#[define_opaque(A)]
fn f() -> A { 1u8 }
