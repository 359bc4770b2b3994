// check-cfg: cfg()
#[cfg(test)] pub fn a() {}
#[cfg(docsrs)] pub fn b() {}
#[cfg(feature = "x")] pub fn c() {}
#[cfg(feature)] pub fn d() {}
