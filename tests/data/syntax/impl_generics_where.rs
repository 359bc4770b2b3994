// edition: 2024
struct S<T>(T);
impl<T> S<T> where T: Clone { fn f(&self) -> T where T: Copy { self.0 } }
