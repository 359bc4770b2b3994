// check-cfg: cfg()
#[cfg(foo = "a" = "b")] pub fn a() {}
#[cfg(feature = "a" "b")] pub fn b() {}
#[cfg(c01 c02)] pub fn c() {}
#[cfg(foo.bar)] pub fn d() {}
#[cfg(any(a = "x" b))] pub fn e() {}
#[cfg(any(c03(x) c04))] pub fn f() {}
