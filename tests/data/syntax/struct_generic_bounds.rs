// edition: 2024
struct S<'a, T: 'a + ?Sized>(&'a T);
struct U<T>(T) where T: Clone;
