// check-cfg: cfg()
#[cfg[unix]] pub fn a() {}
#[cfg_attr[unix, inline]] pub fn b() {}
#[cfg{c01}] pub fn c() {}
#[cfg(any[c02])] pub fn d() {}
