// check-cfg: cfg()
#[cfg(foo = b"x")] pub fn a() {}
#[cfg(foo = br"x")] pub fn b() {}
#[cfg(foo = c"x")] pub fn c() {}
