// check-cfg: cfg()
// other: --cfg t01
pub mod a {
    #![cfg(t01)]
    #[cfg(t02)] pub fn f() {}
}
pub mod b {
    #![cfg_attr(t03, allow(dead_code))]
    #![cfg(all())]
    #[cfg(t04)] pub fn g() {}
}
pub mod c {
    #![cfg(any())]
    #[cfg(t05)] pub fn h() {}
}
