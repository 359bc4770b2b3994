// edition: 2024
#![feature(postfix_match)]
fn f(x: u8) -> u8 { x.match { 0 => 1, _ => 2 } }
