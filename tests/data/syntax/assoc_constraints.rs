// edition: 2024
fn f<I: Iterator<Item = u8>>(i: I) {}
fn g(i: impl Iterator<Item: Copy>) {}
fn h<T: Fn(u8) -> u8>(t: T) {}
