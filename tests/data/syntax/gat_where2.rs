// edition: 2024
trait L { type I<'a> where Self: 'a; type J<T> where T: Copy; }
