#[cfg(feature = "serde-support")] pub fn a() {}
#[cfg(feature = "depa")] pub fn b() {}
#[cfg(feature = "dep-b")] pub fn c() {}
#[cfg(feature = "renamed")] pub fn d() {}
#[cfg(has_foo)] pub fn e() {}
#[cfg(my_flag = "c")] pub fn f() {}
#[cfg(from_build = "yy")] pub fn g() {}
#[cfg(old_syntax)] pub fn h() {}
#[cfg(unknown_x)] pub fn i() {}
#[cfg(any(docsrs, test))] pub fn j() {}
#[cfg(feature = "sdt")] pub fn k() {}
