// check-cfg: cfg(foo, values("a"))
// check-cfg: cfg(foo)
// check-cfg: cfg(foo, values())
// check-cfg: cfg(bar, baz, values("x",))
// check-cfg: cfg(r#qux, values(none(), none()))
// check-cfg:  cfg(spaced) 
#[cfg(foo)] pub fn a() {}
#[cfg(foo = "a")] pub fn b() {}
#[cfg(foo = "b")] pub fn c() {}
#[cfg(baz = "y")] pub fn d() {}
#[cfg(qux)] pub fn e() {}
#[cfg(spaced)] pub fn f() {}
