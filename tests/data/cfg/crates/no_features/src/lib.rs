#[cfg(feature = "x")] pub fn a() {}
#[cfg(feature)] pub fn b() {}
#[cfg(async)] pub fn c() {}
#[cfg(test)] pub fn d() {}
