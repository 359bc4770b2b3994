// check-cfg: cfg()
#[cfg(foo =)] pub fn a() {}
#[cfg(= "x")] pub fn b() {}
#[cfg(feature = -1)] pub fn c() {}
#[cfg(foo = bar)] pub fn d() {}
#[cfg(foo = bar baz)] pub fn e() {}
#[cfg(foo = "a"suf)] pub fn f() {}
