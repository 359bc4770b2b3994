// check-cfg: cfg()
#[cfg(uniz)] pub fn a() {}
#[cfg(windws)] pub fn b() {}
#[cfg(debug_asertions)] pub fn c() {}
#[cfg(target_oss = "linux")] pub fn d() {}
