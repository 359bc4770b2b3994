//! Loaded through `#[path]` inside the inline module `inl`: relative to `src/inl/`.
pub fn value() -> u8 {
    let v: [u8; 2] = [1, 2];
    v[0] + v[1]
}

/// Columns count chars (rustc), ranges UTF-16 units (LSP): an emoji is 1 and 2.
pub const GREETING: (&str, u8) = ("grüße 🎉", 2);
