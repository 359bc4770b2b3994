// check-cfg: cfg()
#[cfg(version = "1.80")] pub fn a() {}
#[cfg(version)] pub fn b() {}
#[cfg(r#version = "x")] pub fn c() {}
