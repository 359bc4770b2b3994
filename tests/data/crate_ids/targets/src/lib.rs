pub mod calc;

pub fn version() -> &'static str {
    "1"
}
