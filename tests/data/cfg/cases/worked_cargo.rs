// mode: cargo
// crate-name: w
// check-cfg: cfg(has_foo)
// check-cfg: cfg(feature, values("std"))
// check-cfg: cfg(empty, values())
// check-cfg: cfg(my_flag, values("alpha", "beta"))
#[cfg(has_fooo)] pub fn a() {}
#[cfg(bar = "x")] pub fn b() {}
#[cfg(uniz)] pub fn c() {}
#[cfg(feture = "std")] pub fn d() {}
#[cfg(feture = "zzz")] pub fn e() {}
#[cfg(uniz = "x")] pub fn f() {}
#[cfg(linux)] pub fn g() {}
#[cfg(True)] pub fn h() {}
#[cfg(target_os = "linuz")] pub fn i() {}
#[cfg(unix = "x")] pub fn j() {}
#[cfg(target_os)] pub fn k() {}
#[cfg(feature)] pub fn l() {}
#[cfg(empty = "q")] pub fn m() {}
#[cfg(empty)] pub fn n() {}
#[cfg(my_flag = "alpah")] pub fn o() {}
#[cfg(feature = "stdd")] pub fn p() {}
