// check-cfg: cfg()
#![warn(unexpected_cfgs)]
#[cfg(e11)] pub fn a() {}
