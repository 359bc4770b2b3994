// check-cfg: cfg()
#[cfg_attr(not(c07), cfg_attr(c08, inline))] pub fn a() {}
#[cfg_attr(c05, cfg(c06))] pub fn b() {}
#[cfg_attr(unix, cfg(c10), cfg_attr(c11, allow(dead_code)))] pub fn c() {}
#[cfg_attr(all(), cfg(any()))] pub fn d() {}
#[cfg_attr(any(), cfg(c12))] pub fn e() {}
