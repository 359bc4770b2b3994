// edition: 2024
trait T { type A: Iterator<Item = impl Sized>; }
fn f() -> Box<dyn Iterator<Item = impl Sized>> { todo!() }
