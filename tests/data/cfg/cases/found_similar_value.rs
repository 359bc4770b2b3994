// check-cfg: cfg()
#[cfg(linux)] pub fn a() {}
#[cfg(none)] pub fn b() {}
#[cfg(x86_64)] pub fn c() {}
#[cfg(little)] pub fn d() {}
