#![allow(unused)]
#![doc = "Macros and non-inert attributes across files."]

#[macro_use]
mod defs;
mod uses;
#[cfg(test)]
mod tests;

pub fn top() -> u32 {
    double!(21)
}
