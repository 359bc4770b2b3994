// edition: 2024
trait T {}
impl<'a> T for &'a u8 {}
impl T for [u8] {}
impl T for (u8, u8) {}
impl T for fn() {}
