// edition: 2024
fn f<T, U: (for<'a> Fn(&'a u8))>(t: T, u: U) {}
fn g<U>(u: U) where U: (for<'a> Fn(&'a u8)) + Send {}
