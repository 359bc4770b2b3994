// edition: 2024
#![feature(trait_alias)]
trait A = Clone + Send;
trait B<T> = Iterator<Item = T> where T: Copy;
fn f() {}
