pub fn assist(n: u64) -> u64 {
    (0..n).map(|i| i * i).sum()
}
