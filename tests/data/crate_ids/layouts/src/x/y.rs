//! A non-mod-rs file inside a mod.rs folder: `mod z;` is `x/y/z.rs`.
pub mod z;

pub(in crate::x) fn restricted() -> Option<u8> {
    Some(1)
}
