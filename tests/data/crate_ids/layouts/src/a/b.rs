use super::Named;

pub struct B;

impl Named for B {
    fn name(&self) -> &str {
        "b"
    }
}

pub fn depth() -> usize {
    2
}
