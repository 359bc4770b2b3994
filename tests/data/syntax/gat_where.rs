// edition: 2024
trait L { type I<'a>: Iterator<Item = &'a u8> where Self: 'a; }
impl L for () { type I<'a> = std::slice::Iter<'a, u8> where Self: 'a; }
