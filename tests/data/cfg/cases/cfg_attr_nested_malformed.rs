// check-cfg: cfg()
#![cfg_attr(unix, cfg(all(unix, c00 = 1)))]
#[cfg_attr(unix, cfg(foo = 1))] pub fn a() {}
#[cfg_attr(unix, cfg_attr(c09 c10, inline))] pub fn b() {}
#[cfg_attr(unix, inline foo)] pub fn c() {}
#[cfg_attr(unix, cfg)] pub fn d() {}
#[cfg_attr(unix, doc = "x", cfg(c11))] pub fn e() {}
