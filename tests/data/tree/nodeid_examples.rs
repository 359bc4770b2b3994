// node-ids.md's worked examples E2-E7 in one file.
#[repr(u8)]
pub enum E<T: Copy> where T: Default { A = 1, B(T), C { x: u8 } }
struct P(pub u8);
use std::{fmt, io::{self, Read as R}, *};
mod m { pub(in crate::m) fn g() {} }
trait Sh { fn area(&self) -> f64; }
struct Sq(f64);
impl Sh for Sq { fn area(&self) -> f64 { self.0.mul(2.0) } }
fn k(v: Vec<u8>) { v.iter().map(|x| x + 1); }
fn m(o: Option<u8>) -> u8 {
    #[allow(unused)] let a = #[allow(unused)] 1;
    #[cfg(any())] let gone = 2;
    let Some(x) = o else { return 0 };
    match x { 0 => 1, n if n > 5 => n, _ => 2 }
}
async fn fetch<'a, T: Send>(x: &'a T) -> impl Sized + use<'a, T> { x }
fn c() { let f = async move |y: u8| y; let b = async { 1 }; }
#[derive(Clone)]
struct S;
#[rustfmt::skip] fn t() {}
fn ff() -> usize { println!("{}", 1); let v = vec![1]; v.len() }
macro_rules! two { () => { 2 } }
fn gg() -> u8 { two!() }
