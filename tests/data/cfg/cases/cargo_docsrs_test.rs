// mode: cargo
// check-cfg: cfg(docsrs,test)
// check-cfg: cfg(feature, values("default", "std"))
#[cfg(test)] pub fn a() {}
#[cfg(docsrs)] pub fn b() {}
#[cfg(feature = "sdt")] pub fn c() {}
#[cfg(feature = "serde")] pub fn d() {}
#[cfg(tests)] pub fn e() {}
#[cfg(feature)] pub fn f() {}
