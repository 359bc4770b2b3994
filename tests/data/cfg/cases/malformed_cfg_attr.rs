// check-cfg: cfg()
#[cfg_attr] pub fn a() {}
#[cfg_attr()] pub fn b() {}
#[cfg_attr(c01)] pub fn c() {}
#[cfg_attr(foo = 1, inline)] pub fn d() {}
#[cfg_attr(c02 c03, inline)] pub fn e() {}
#[cfg_attr = "x"] pub fn f() {}
