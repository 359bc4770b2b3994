// check-cfg: cfg()
#[cfg("x")] pub fn a() {}
#[cfg(123)] pub fn b() {}
#[cfg(foo::bar)] pub fn c() {}
#[cfg(self)] pub fn d() {}
#[cfg(super)] pub fn e() {}
#[cfg(Self)] pub fn f() {}
#[cfg(crate::x)] pub fn g() {}
#[cfg(::foo)] pub fn h() {}
#[cfg(any("x", c01))] pub fn i() {}
