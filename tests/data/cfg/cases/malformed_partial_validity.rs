// check-cfg: cfg()
#[cfg(any(foo = 1, c01))] pub fn a() {}
#[cfg(all(c02, "x", c03))] pub fn b() {}
#[cfg(any(c04, not(c05, c06)))] pub fn c() {}
