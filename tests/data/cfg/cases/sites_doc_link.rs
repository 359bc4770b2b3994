// check-cfg: cfg()
#[allow(unexpected_cfgs)]
#[doc(cfg(l01))] pub fn a() {}
#[doc(cfg(l02))]
#[allow(unexpected_cfgs)] pub fn b() {}
#[allow(unexpected_cfgs)]
#[link(name = "m", cfg(l03))] extern "C" {}
#[link(name = "m", cfg(l04))] extern "C" {}
#[allow(unexpected_cfgs)]
pub mod m {
    #[doc(cfg(l05))] pub fn c() {}
}
pub struct S { #[doc(cfg(l06))] pub a: u8 }
#[cfg_attr(l07, doc(cfg(l08)))] pub fn d() {}
#[cfg_attr(unix, doc(cfg(l09)))] pub fn e() {}
#[doc(auto_cfg(hide(l10, unix, target_os = "linuz")))] pub fn f() {}
#[doc(cfg(l11), alias = "x")] pub fn g() {}
#[doc(cfg(l12, l13))] pub fn h() {}
#[doc(cfg(any(l14 = "a", all())))] pub fn i() {}
#[doc(cfg(l15 = 1))] pub fn j() {}
#[doc(cfg(foo(l16)))] pub fn k() {}
#[link(name = "m", cfg(l17, l18))] extern "C" {}
#[link(name = "m", cfg(l19 = 1))] extern "C" {}
#[cfg(l20)] pub fn l() {}
