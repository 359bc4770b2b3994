// edition: 2024
trait T { fn f<U: Copy>(&self, u: U) -> U; fn g<'a>(&'a self) -> &'a u8; }
