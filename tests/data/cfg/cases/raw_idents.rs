// check-cfg: cfg(foo)
#[cfg(r#foo)] pub fn a() {}
#[cfg(r#unix)] pub fn b() {}
#[cfg(r#true)] pub fn c() {}
#[cfg(r#fn)] pub fn d() {}
#[cfg(r#bar = "v")] pub fn e() {}
#[cfg(r#async)] pub fn f() {}
