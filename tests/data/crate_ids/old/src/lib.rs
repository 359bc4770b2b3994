//! No `edition` key: edition 2015, `{{root}}` in the prelude path, `::` paths.
extern crate core;

pub mod util;

use util::parse::parse_pair;

pub fn pair(text: &str) -> Option<(u32, u32)> {
    parse_pair(text).ok()
}

pub fn old_style(v: &Vec<u8>) -> Box<::std::fmt::Debug> {
    Box::new(v.len())
}
