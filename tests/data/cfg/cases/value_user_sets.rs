// check-cfg: cfg(flag, values("alpha", "beta"))
// check-cfg: cfg(single, values("only"))
// check-cfg: cfg(both, values(none(), "x"))
// check-cfg: cfg(empty, values())
// check-cfg: cfg(plain)
#[cfg(flag = "alpah")] pub fn a() {}
#[cfg(flag)] pub fn b() {}
#[cfg(single)] pub fn c() {}
#[cfg(single = "zzzz")] pub fn d() {}
#[cfg(both = "y")] pub fn e() {}
#[cfg(empty = "q")] pub fn f() {}
#[cfg(empty)] pub fn g() {}
#[cfg(plain = "v")] pub fn h() {}
#[cfg(flag = "")] pub fn i() {}
