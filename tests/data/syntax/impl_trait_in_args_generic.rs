// edition: 2024
fn f<T>(x: impl AsRef<[T]>, y: &impl Fn(T)) {}
