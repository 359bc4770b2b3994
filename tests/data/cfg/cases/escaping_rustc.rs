// check-cfg: cfg()
#[cfg(e1 = "a\"b")] pub fn a() {}
#[cfg(e2 = "back\\slash")] pub fn b() {}
#[cfg(e3 = "tab\there")] pub fn c() {}
#[cfg(e4 = "line\nfeed")] pub fn d() {}
#[cfg(e5 = "é")] pub fn e() {}
#[cfg(e6 = "\u{301}x")] pub fn f() {}
#[cfg(e7 = "\u{200b}")] pub fn g() {}
#[cfg(e8 = r#"raw"q"#)] pub fn h() {}
#[cfg(e9 = "nul\0")] pub fn i() {}
#[cfg(e10 = "it's")] pub fn j() {}
#[cfg(e11 = "\x7f")] pub fn k() {}
