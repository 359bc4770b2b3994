#![forbid(warnings)]
//! The level is set here: rustc's note points at `warnings` with a snippet of its
//! own, its gutter as wide as the widest line number shown (10 and over below).

pub fn filler() {}

pub fn more_filler() {}

pub fn even_more() {}

#[cfg(featur = "std")]
pub fn typo() {}

#[cfg(windows_x)]
pub fn other() {}
