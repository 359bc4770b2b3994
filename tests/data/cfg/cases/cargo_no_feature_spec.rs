// mode: cargo
// check-cfg: cfg()
#[cfg(feature = "x")] pub fn a() {}
#[cfg(feature)] pub fn b() {}
#[cfg(featur = "x")] pub fn c() {}
