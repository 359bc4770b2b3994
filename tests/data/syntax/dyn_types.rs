// edition: 2024
fn f(a: &dyn Fn(u8) -> u8, b: Box<dyn Send + Sync + 'static>, c: &(dyn Sync)) {}
