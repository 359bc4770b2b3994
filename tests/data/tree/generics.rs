// Every GenericParamKind and where-predicate kind.
struct G<'a, 'b: 'a, T: 'a + Copy = u8, const N: usize = 3, U: ?Sized = str>(&'a T, &'b U, [u8; N]);
fn f<'a, T, const N: usize>(x: &'a [T; N]) -> &'a T where T: Copy + 'a, 'a: 'a, for<'b> &'b T: Into<u8> { &x[0] }
fn g<T>() where T: Iterator<Item = u8>, T::Item: Copy {}
fn h() { let _ = f::<u8, 3>; let _ = [0u8; { 1 + 2 }]; }
impl<'a, T: 'a> G<'a, 'a, T> {}
trait Hr where for<'x> Self: Fn(&'x u8) {}
fn bounds<T: Fn(u8) -> u8 + ?Sized, F>(t: &T, f: F) where F: FnMut() {}
