pub fn setup() -> i32 {
    targets::calc::add(0, 1)
}
