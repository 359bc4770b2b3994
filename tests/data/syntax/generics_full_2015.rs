// edition: 2015
fn f<'a, 'b: 'a, T: 'a + Clone, U = u8, const N: usize = 3>(x: &'a T) where 'b: 'a, T: ?Sized {}
