// edition: 2024
#![allow(unused)]
#![cfg_attr(all(), deny(warnings))]
fn f() { #![allow(unused)] let x = 1; }
