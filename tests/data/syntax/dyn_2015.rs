// edition: 2015
trait Tr {}
fn f(x: &dyn Tr, y: Box<Tr>) {}
