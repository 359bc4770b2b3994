// check-cfg: cfg()
#![allow(unexpected_cfgs)]
#[cfg(e11)] pub fn a() {}
