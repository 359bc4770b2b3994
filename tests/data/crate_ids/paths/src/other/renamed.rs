pub fn renamed() -> u32 {
    2
}
