// check-cfg: cfg(known)
#[cfg(zzz_first)] pub fn a() {}
#[cfg(zzz_second)] pub fn b() {}
