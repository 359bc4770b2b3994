// Items and their headers as rustc prints them.
#![allow(dead_code)]
pub(crate) mod a {
    pub(super) struct T<'a, X: Copy + 'a = u8, const N: usize = 3>(pub &'a X, [u8; N]) where X: Default;
    pub(in crate::a) union U { f: u32, g: f32 }
    pub trait Tr<T>: Clone + Send where T: Copy {
        const C: u8 = 1;
        type A: Default;
        fn m(&self) -> Self::A;
        fn n<'b>(&'b mut self, x: &'b [u8]) -> impl Iterator<Item = &'b u8> + 'b { x.iter() }
    }
    impl<T: Copy> Tr<T> for u8 where u8: Clone {
        type A = u8;
        fn m(&self) -> u8 { *self }
    }
    unsafe impl Send for super::Z {}
    impl !Sync for super::Z {}
}
struct Z;
extern "C" { fn abs(x: i32) -> i32; static errno: i32; }
type Alias<T> where T: Copy = Vec<T>;
static mut COUNTER: u32 = 0;
const fn c() -> u8 { 1 }
pub async unsafe fn d(x: &dyn Fn(u8) -> u8) -> u8 { x(1) }
fn e(f: fn(u8) -> u8, g: unsafe extern "C" fn(), h: for<'a> fn(&'a u8)) -> ! { loop {} }
fn pats(v: &[u8]) {
    if let [first, .., last] = v {}
    let (a, ref b, ref mut c, mut d @ 1..=3) = (1, 2, 3, 4);
    match v { [] | [_] => {} &[x, ..] if x > 1 => { unsafe {} }, _ => unsafe { } }
    let &(ref p, _) = &(1, 2);
}
