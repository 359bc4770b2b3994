//! `mod leaf;` inside two inline modules: `src/nested/inner/leaf.rs`.
pub struct Leaf<T: Copy>(pub T);

impl<T: Copy> Leaf<T> {
    pub fn get(&self) -> T {
        self.0
    }
}
