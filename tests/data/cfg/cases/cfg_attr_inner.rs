// check-cfg: cfg()
#![cfg_attr(c01, allow(dead_code))]
#![cfg_attr(unix, cfg_attr(c02, allow(unused)))]
#![cfg(all(unix, not(c03)))]
pub fn a() {}
