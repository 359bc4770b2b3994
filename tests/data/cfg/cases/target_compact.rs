// check-cfg: cfg()
#[cfg(target(os = "linux", arch = "x"))] pub fn a() {}
#[cfg(target(os = "linuz"))] pub fn b() {}
#[cfg(target(zz = "q"))] pub fn c() {}
#[cfg(target(os))] pub fn d() {}
