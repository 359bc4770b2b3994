// check-cfg: cfg()
#![forbid(unexpected_cfgs)]
#[cfg(e11)] pub fn a() {}
