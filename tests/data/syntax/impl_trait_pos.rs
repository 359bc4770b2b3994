// edition: 2024
fn f(x: impl Into<u8>) -> impl Iterator<Item = u8> { std::iter::once(x.into()) }
trait T { fn g(&self) -> impl Sized; }
