//! Every ItemKind tree-sitter-rust parses.
#![allow(dead_code)]
extern crate core;
extern crate alloc as a;
use std::collections::{HashMap, hash_map::{self, Entry as E}};
use std::fmt::*;
use ::std::io;
pub(crate) use self::m::inner as renamed;
static S: u8 = 1;
static mut M: &str = "m";
const C: [u8; 2] = [1, 2];
const _: () = ();
/// A function.
#[inline]
pub unsafe extern "C" fn f(x: i32, ...) -> i32 { x }
pub const async fn g() {}
mod m {
    #![allow(unused)]
    pub fn inner() {}
    pub(super) struct Hidden;
    pub(in crate::m) fn restricted() {}
}
mod out_of_line;
extern "C" {
    fn ext(x: u8) -> u8;
    static EXT: u8;
    type Opaque;
}
extern { fn implicit_abi(); }
type Alias<T> = Vec<T>;
type WhereAlias<T> where T: Copy = Option<T>;
type AfterAlias<T> = Option<T> where T: Clone;
enum E<T: Copy> where T: Default { A = 1, B(T), C { x: u8 }, }
struct Unit;
struct Tuple(pub u8, i32);
struct Named<'a, T: ?Sized + 'a> { pub a: &'a T, b: u8 }
union U { a: u32, b: f32 }
pub trait Tr: Clone + Send where Self: Sized {
    type Assoc: Copy;
    type WithDefault = u8;
    const K: u8;
    const L: u8 = 2;
    fn req(&self) -> u8;
    fn provided(&mut self, x: u8) -> u8 { x }
}
impl<T> Tr for Named<'_, T> where T: Clone {
    type Assoc = u8;
    const K: u8 = 1;
    fn req(&self) -> u8 { self.b }
}
impl Unit { pub fn new() -> Self { Unit } }
unsafe impl Send for Unit {}
impl !Sync for Unit {}
macro_rules! mac { ($x:expr) => { $x }; }
mac!(1);
mac! { 2 }
