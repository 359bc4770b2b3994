// The level comes from `#[deny(unexpected_cfgs)]` on `mod inner;` in lib.rs.

#[cfg(in_inner)]
pub fn f() {}
