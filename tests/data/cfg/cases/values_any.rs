// check-cfg: cfg(foo, values(any()))
// check-cfg: cfg(bar, values("a"))
// check-cfg: cfg(bar, values(any()))
#[cfg(foo = "whatever")] pub fn a() {}
#[cfg(foo)] pub fn b() {}
#[cfg(bar = "z")] pub fn c() {}
