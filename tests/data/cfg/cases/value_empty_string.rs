// check-cfg: cfg(foo, values("", "a"))
// check-cfg: cfg(bar, values("b"))
#[cfg(bar = "")] pub fn a() {}
#[cfg(foo = "zz")] pub fn b() {}
#[cfg(foo = "")] pub fn c() {}
