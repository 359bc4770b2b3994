// Every TyKind tree-sitter-rust parses.
use std::fmt::Debug;
trait Tr { type A; }
fn tys<'a, T: Tr<A = u8>>(
    a: [u8; 4],
    b: &'a [u8],
    c: *const u8,
    d: *mut u8,
    e: &'a mut str,
    f: fn(u8, u16) -> u32,
    g: unsafe extern "C" fn(u8),
    h: (),
    i: (u8,),
    j: (u8, u16),
    k: (u8),
    l: Box<dyn Fn(u8) -> u8 + Send + 'a>,
    m: impl Iterator<Item = u8> + Clone,
    n: <T as Tr>::A,
    o: Vec<_>,
    p: &dyn Debug,
    q: Option<Box<dyn for<'b> Fn(&'b u8)>>,
    r: std::collections::HashMap<String, Vec<u8>>,
) -> ! { loop {} }
fn ret() -> impl Sized + use<> {}
fn never() -> Option<!> { None }
fn slice(x: &[&[u8]]) {}
