// edition: 2024
#![feature(explicit_tail_calls)]
fn f(x: u8) -> u8 { if x == 0 { 0 } else { become f(x - 1) } }
