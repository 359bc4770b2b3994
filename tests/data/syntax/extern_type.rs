// edition: 2024
#![feature(extern_types)]
unsafe extern "C" { type Opaque; pub type P; }
fn f(x: &Opaque) {}
