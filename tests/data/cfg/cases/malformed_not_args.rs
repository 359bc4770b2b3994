// check-cfg: cfg()
#[cfg(not(a, b))] pub fn a() {}
#[cfg(not())] pub fn b() {}
#[cfg(any(not(c, d), c01))] pub fn c() {}
