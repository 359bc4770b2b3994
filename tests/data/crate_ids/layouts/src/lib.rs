//! Both module layouts: `a.rs` owning `a/`, and `x/mod.rs`.
pub mod a;
pub mod x;

pub fn entry() -> usize {
    a::b::depth() + x::y::z::depth()
}
