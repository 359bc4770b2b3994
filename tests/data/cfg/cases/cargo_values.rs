// mode: cargo
// check-cfg: cfg(my_flag, values("a1", "b2"))
// check-cfg: cfg(empty, values())
#[cfg(my_flag = "zzzz")] pub fn a() {}
#[cfg(my_flag)] pub fn b() {}
#[cfg(unix = "x")] pub fn c() {}
#[cfg(empty)] pub fn d() {}
#[cfg(target_os = "linuz")] pub fn e() {}
