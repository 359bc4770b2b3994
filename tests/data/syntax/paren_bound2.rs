// edition: 2024
fn f(x: &dyn (for<'a> Fn(&'a u8))) {}
fn g() -> impl (Fn() -> u8) { || 1 }
trait T: (Clone) + (Send) {}
