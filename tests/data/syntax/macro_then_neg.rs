// edition: 2024
macro_rules! m { () => {} }
fn f() -> i32 {
    m!{}
    -1
}
