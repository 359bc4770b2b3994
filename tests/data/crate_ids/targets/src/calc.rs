pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[cfg(feature = "fast")]
pub fn mul(a: i32, b: i32) -> i32 {
    a * b
}

#[cfg(test)]
mod tests {
    #[test]
    fn adds() {
        assert_eq!(super::add(1, 2), 3);
    }
}
