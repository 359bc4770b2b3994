// edition: 2024
static S: &'static str = "x";
const C: &[&str] = &["a", "b"];
