// edition: 2024
const fn f<T>(x: T) -> T { x }
const X: u8 = f(1);
