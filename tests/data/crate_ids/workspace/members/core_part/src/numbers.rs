#[derive(PartialEq, Eq)]
pub struct Number(pub i64);

impl Number {
    #[cfg(feature = "checked")]
    pub fn add(&self, other: &Number) -> Option<Number> {
        self.0.checked_add(other.0).map(Number)
    }

    #[cfg(not(feature = "checked"))]
    pub fn add(&self, other: &Number) -> Number {
        Number(self.0 + other.0)
    }

    pub fn value(&self) -> i64 {
        self.0
    }
}
