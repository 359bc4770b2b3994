// edition: 2024
#![feature(generic_const_items)]
const C<T>: usize = 1;
const D<const N: usize>: usize = N where [(); N]:;
fn f() { let _ = C::<u8>; }
