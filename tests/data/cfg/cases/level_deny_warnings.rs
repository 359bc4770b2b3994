// check-cfg: cfg()
#![deny(warnings)]
#[cfg(e11)] pub fn a() {}
#[cfg(e12)] pub fn b() {}
