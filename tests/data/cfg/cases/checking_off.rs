#[cfg(anything)] pub fn a() {}
#[cfg(target_os = "linuz")] pub fn b() {}
#[cfg(feature = "x")] pub fn c() {}
