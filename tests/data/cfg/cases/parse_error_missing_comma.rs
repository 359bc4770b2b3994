// check-cfg: cfg()
#[cfg(any(unix foo))] pub fn a() {}
#[cfg(all(c01 c02 c03))] pub fn b() {}
#[cfg(any("x" c04))] pub fn c() {}
#[cfg(any(unix.foo))] pub fn d() {}
