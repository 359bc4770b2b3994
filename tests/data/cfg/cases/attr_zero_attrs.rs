// check-cfg: cfg()
#[cfg_attr(c01,)] pub fn a() {}
#[cfg_attr(c02, )] pub fn b() {}
