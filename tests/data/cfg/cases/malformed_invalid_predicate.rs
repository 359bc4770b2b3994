// check-cfg: cfg()
#[cfg(foo(a))] pub fn a() {}
#[cfg(foo(bar = "x"))] pub fn b() {}
#[cfg(all(foo(x), c01))] pub fn c() {}
#[cfg(any(not(foo(x)), c02))] pub fn d() {}
#[cfg(a::b(c))] pub fn e() {}
