//! A level set on a `mod` item applies in the module's file; rustc's note points
//! back here (line and column in this file, not in the module's).

pub fn root() {}

#[deny(unexpected_cfgs)]
mod inner;

#[cfg(in_root)]
pub fn in_root() {}
