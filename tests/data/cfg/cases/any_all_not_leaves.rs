// check-cfg: cfg()
#[cfg(any(unix, c25))] pub fn a() {}
#[cfg(any(c23, unix))] pub fn b() {}
#[cfg(all(any(), c24))] pub fn c() {}
#[cfg(not(c07))] pub fn d() {}
#[cfg(all(not(any(c01, c02)), c03))] pub fn e() {}
#[cfg(any(unix,))] pub fn f() {}
#[cfg(not(c08,))] pub fn g() {}
#[cfg(c09,)] pub fn h() {}
