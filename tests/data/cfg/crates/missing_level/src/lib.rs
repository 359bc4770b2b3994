#[cfg(foo)] pub fn a() {}
