// check-cfg: cfg()
#[cfg(any(a b))] pub fn a() {}
#[cfg(any(fo c01))] pub fn b() {}
#[cfg(any(Mut c02))] pub fn c() {}
#[cfg(a c03)] pub fn d() {}
#[cfg_attr(mu c04, inline)] pub fn e() {}
#[cfg(any(selff c05))] pub fn f() {}
