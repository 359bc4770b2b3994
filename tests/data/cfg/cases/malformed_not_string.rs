// check-cfg: cfg()
#[cfg(foo = 1)] pub fn a() {}
#[cfg(foo = 'c')] pub fn b() {}
#[cfg(foo = true)] pub fn c() {}
#[cfg(feature = 1.5)] pub fn d() {}
#[cfg(foo = b'c')] pub fn e() {}
