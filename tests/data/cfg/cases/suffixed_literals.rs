// check-cfg: cfg()
#[cfg(foo = 1u8)] pub fn a() {}
#[cfg(foo = 1foo)] pub fn b() {}
#[cfg(foo = 1.5e3x)] pub fn c() {}
#[cfg(foo = 'c'x)] pub fn d() {}
#[cfg(foo = "x"suf)] pub fn e() {}
#[cfg(foo = 1.5f32)] pub fn f() {}
#[cfg(foo = 0x1fu8)] pub fn g() {}
#[cfg(foo = 7i64, c01)] pub fn h() {}
