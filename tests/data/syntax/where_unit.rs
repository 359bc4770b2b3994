// edition: 2024
fn f() where (): Sized {}
fn g<T>() where [T; 1]: Copy, for<'a> &'a T: Send {}
