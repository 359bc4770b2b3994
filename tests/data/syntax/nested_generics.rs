// edition: 2024
fn f(x: Vec<Vec<Option<Box<dyn Fn(u8) -> Vec<u8>>>>>) {}
