// check-cfg: cfg()
pub fn a() {
    #[allow(unexpected_cfgs)]
    let _a = cfg!(v01);
    #[allow(unexpected_cfgs)]
    { #[cfg(v02)] let _b = 1; }
    match 1 { #[allow(unexpected_cfgs)] _ => { #[cfg(v03)] let _c = 1; } }
    let _d = cfg!(v04);
}
#[deny(unexpected_cfgs)]
pub fn b() { #[cfg(v05)] let _e = 1; }
#[cfg_attr(unix, allow(unexpected_cfgs))]
pub mod c { #[cfg(v06)] pub fn f() {} }
#[cfg_attr(v07, allow(unexpected_cfgs))]
pub mod d { #[cfg(v08)] pub fn g() {} }
#[expect(unexpected_cfgs)]
pub mod e { #[cfg(v09)] pub fn h() {} }
pub mod f {
    #![allow(unexpected_cfgs)]
    #[cfg(v10)] pub fn i() {}
}
#[forbid(unexpected_cfgs)]
pub mod g {
    #[cfg(v11)] pub fn j() {}
}
pub struct S {
    #[cfg(v12)] pub a: u8,
}
#[allow(unexpected_cfgs, dead_code)]
pub struct T { #[cfg(v13)] pub a: u8 }
