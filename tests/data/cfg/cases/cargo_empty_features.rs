// mode: cargo
// check-cfg: cfg(docsrs,test)
// check-cfg: cfg(feature, values())
#[cfg(feature = "x")] pub fn a() {}
#[cfg(feature)] pub fn b() {}
