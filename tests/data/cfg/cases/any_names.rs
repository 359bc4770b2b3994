// check-cfg: cfg(any())
// check-cfg: cfg(foo, values("a"))
#[cfg(anything)] pub fn a() {}
#[cfg(target_os = "linuz")] pub fn b() {}
#[cfg(foo = "b")] pub fn c() {}
