#[cfg(feature = "alpah")] pub fn a() {}
#[cfg(feature)] pub fn b() {}
#[cfg(my_cfg)] pub fn c() {}
