// check-cfg: cfg()
// flags: --warn=unexpected_cfgs
#[cfg(e11)] pub fn a() {}
