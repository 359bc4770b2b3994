//! Only reached with `std` (a default feature).
use std::collections::HashMap;

pub struct Registry {
    names: HashMap<String, usize>,
}

impl Registry {
    pub fn new() -> Self {
        Registry { names: HashMap::new() }
    }

    pub fn insert(&mut self, name: &str) -> usize {
        let next = self.names.len();
        *self.names.entry(name.to_string()).or_insert(next)
    }
}
