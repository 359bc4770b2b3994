// check-cfg: cfg()
#[cfg(any)] pub fn a() {}
#[cfg(all)] pub fn b() {}
#[cfg(not)] pub fn c() {}
#[cfg(any = "x")] pub fn d() {}
