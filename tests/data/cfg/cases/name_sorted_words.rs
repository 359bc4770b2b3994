// check-cfg: cfg(has_big_foo)
#[cfg(assertions_debug)] pub fn a() {}
#[cfg(foo_big_has)] pub fn b() {}
