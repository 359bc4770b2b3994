// edition: 2024
#![feature(associated_type_defaults)]
trait T { type A = u8; type B: Copy = u16; }
