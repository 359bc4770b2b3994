// check-cfg: cfg()
#[cfg(True)] pub fn a() {}
#[cfg(FALSE)] pub fn b() {}
#[cfg(tRuE)] pub fn c() {}
#[cfg(r#True)] pub fn d() {}
#[cfg(True = "x")] pub fn e() {}
#[cfg(true)] pub fn f() {}
#[cfg(not(false))] pub fn g() {}
