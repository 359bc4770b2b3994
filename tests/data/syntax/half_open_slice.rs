// edition: 2024
#![feature(half_open_range_patterns_in_slices)]
fn f(v: &[u8]) { match v { [0.., ..] => {} _ => {} } }
