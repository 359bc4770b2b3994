// check-cfg: cfg()
#[cfg(version("1.80"))] pub fn a() {}
#[cfg(version(1.80))] pub fn b() {}
#[cfg(version("foo"))] pub fn c() {}
#[cfg(version("1.80", "1.81"))] pub fn d() {}
#[cfg(version(foo))] pub fn e() {}
#[cfg(version())] pub fn f() {}
