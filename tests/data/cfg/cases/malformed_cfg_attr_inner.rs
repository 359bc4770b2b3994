// check-cfg: cfg()
#![cfg_attr(foo = 1, allow(dead_code))]
#![cfg_attr]
pub fn a() {}
