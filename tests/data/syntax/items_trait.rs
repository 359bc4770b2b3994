// edition: 2024
trait T: Clone + Send { const C: u8; const D: u8 = 1; type A; type B: Copy; fn f(&self); fn g(self) -> u8 { 0 } }
