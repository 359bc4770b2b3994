// edition: 2024
type A = u8;
type B<T> = Vec<T>;
type C<T> where T: Copy = T;
