// edition: 2024
struct S<T = u8, const N: usize = 1>(T);
impl<T> S<T> {}
