// check-cfg: cfg()
#![cfg(foo = 1)]
pub fn a() {}
