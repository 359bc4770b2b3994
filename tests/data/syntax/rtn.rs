// edition: 2024
#![feature(return_type_notation)]
trait T { async fn m(&self); }
fn f<X: T<m(..): Send>>(x: X) {}
fn g<X: T>() where X::m(..): Send {}
