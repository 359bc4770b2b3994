pub fn fallback() -> &'static str {
    "no std"
}
