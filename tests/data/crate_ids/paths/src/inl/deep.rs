//! Loaded through `#[path]` inside the inline module `inl`: relative to `src/inl/`.
pub fn value() -> u8 {
    let v: [u8; 2] = [1, 2];
    v[0] + v[1]
}
