// check-cfg: cfg()
pub struct P { pub a: u8, pub b: u8 }
pub fn a<#[cfg(x01)] T>(#[cfg(x02)] _t: u8) {
    let _arr = [#[cfg(x03)] 1, 2];
    let _p = P { #[cfg(x04)] a: 1, b: 2 };
    let _c = |#[cfg(x05)] _q: u8| 1;
    let P { #[cfg(x06)] a: _, .. } = P { a: 1, b: 2 };
    match 3 { #[cfg(any())] 1 => { #[cfg(x07)] let _z = 1; } #[cfg(x08)] 2 => {} _ => {} }
    #[cfg(x09)] a::<u8>(1);
    #[cfg(all())] { #[cfg(x10)] let _y = 1; }
    #[cfg(any())] { #[cfg(x11)] let _y = 1; }
}
pub enum E { #[cfg(x12)] A, #[cfg(any())] B(#[cfg(x13)] u8), C }
pub trait T { #[cfg(x14)] type A; #[cfg(x15)] const B: u8; }
impl T for P { #[cfg(x16)] type A = u8; #[cfg(x17)] const B: u8 = 1; }
extern "C" { #[cfg(x18)] fn ext(); }
