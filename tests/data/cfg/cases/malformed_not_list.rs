// check-cfg: cfg()
#[cfg] pub fn a() {}
#[cfg = "x"] pub fn b() {}
#[cfg()] pub fn c() {}
#[cfg(a, b)] pub fn d() {}
#[cfg(foo = "a", bar)] pub fn e() {}
