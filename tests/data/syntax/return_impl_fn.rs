// edition: 2024
fn f() -> impl Fn(u8) -> u8 { |x| x }
fn g() -> Box<dyn FnMut() + Send> { Box::new(|| {}) }
