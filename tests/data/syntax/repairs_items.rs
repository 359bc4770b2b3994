// edition: 2024
#![feature(trait_alias, fn_delegation, generic_const_items, default_field_values, return_type_notation)]
pub trait Al<'a, T: Copy> = for<'b> Fn(&'b T) -> T + Send + 'a where T: Default;
trait Two = Clone + std::fmt::Debug;
mod m { pub fn f() {} pub fn g(x: u8) -> u8 { x } }
reuse m::f;
pub reuse m::g as h;
const E<T: Copy, const N: usize>: usize = N where T: Clone, [(); N]:;
pub const F<'a>: &'a str = "x";
struct D<T: Default> { pub a: u8 = 1 + 2, b: Box<dyn Iterator<Item = u8>>, #[allow(unused)] c: (u8, u8) = (1, 2), d: T }
struct Q { x: [u8; 2] = [0; 2], y: Option<u8> = None }
fn q() -> Q { Q { .. } }
trait R { fn r(&self) -> impl Sized; }
fn rtn<T: R<r(..): Send>>() where T::r(..): Sync, <T as R>::r(..): Send {}
fn ok(v: Vec<u8>) -> Option<u8> { v.get(..).map(|s| s[0]) }
