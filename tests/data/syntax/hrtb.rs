// edition: 2024
fn f<F>(f: F) where for<'a> F: Fn(&'a u8) -> &'a u8 {}
fn g(x: &dyn for<'a> Fn(&'a u8)) {}
