#[cfg(unknown)] pub fn a() {}
#[cfg(feature = "x")] pub fn b() {}
