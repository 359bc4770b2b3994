// check-cfg: cfg()
#[cfg(zzz_unknown)] pub fn a() {}
#[cfg(zzz_other = "v")] pub fn b() {}
