// check-cfg: cfg(known)
pub mod a {
    pub fn f() { let _ = cfg!(k01); }
    #[cfg(known)] pub fn g() {}
}
#[cfg(k02 = "x")] pub fn h() {}
pub mod b { #[cfg(k03)] pub fn i() {} }
#[cfg(k04)] pub fn j() {}
