// check-cfg: cfg()
#[cfg(target_os = "linuz")] pub fn a() {}
#[cfg(unix = "x")] pub fn b() {}
#[cfg(target_os)] pub fn c() {}
#[cfg(target_has_atomic = "7")] pub fn d() {}
#[cfg(target_pointer_width = "63")] pub fn e() {}
#[cfg(panic)] pub fn f() {}
#[cfg(target_endian = "")] pub fn g() {}
