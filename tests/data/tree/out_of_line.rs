//! An out-of-line module loaded by items.rs.
pub fn loaded() -> u8 { 1 }
