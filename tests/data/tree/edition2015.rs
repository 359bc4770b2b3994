// edition: 2015
// Edition 2015: NodeIds start at 8; bare trait objects; `async` is an identifier.
trait Tr {}
fn f(x: &Tr, y: Box<Fn(u8) -> u8>) {}
fn async() {}
use std::io;
