//! Feature chains: `default` enables `std`, which enables `alloc`; `extra` stays off.
#![allow(dead_code)]

#[cfg(feature = "std")]
mod with_std;
#[cfg(feature = "extra")]
mod extra;
#[cfg(not(feature = "std"))]
mod without_std;

pub mod shapes;

#[cfg(feature = "alloc")]
pub fn boxed(value: u32) -> Box<u32> {
    Box::new(value)
}

#[cfg(not(feature = "alloc"))]
pub fn boxed(value: u32) -> u32 {
    value
}

pub fn after(a: u8, b: u8) -> u16 {
    let total = a as u16 + b as u16;
    #[cfg(feature = "extra")]
    let total = total * 2;
    #[cfg_attr(feature = "std", allow(unused_variables))]
    let unused = total;
    total
}
