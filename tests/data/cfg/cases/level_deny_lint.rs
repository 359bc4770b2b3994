// check-cfg: cfg()
#![deny(unexpected_cfgs)]
#[cfg(e11)] pub fn a() {}
#[cfg(e12)] pub fn b() {}
