// check-cfg: cfg()
// flags: -D unexpected_cfgs
#[cfg(e11)] pub fn a() {}
#[cfg(e12)] pub fn b() {}
