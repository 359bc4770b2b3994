// check-cfg: cfg(known)
macro_rules! used {
    () => { #[cfg(r01)] pub fn a() {} pub fn b() -> bool { cfg!(r02) } };
    ($e:expr) => { cfg!(r03) && $e };
}
macro_rules! unused { () => { #[cfg(r04)] pub fn c() {} } }
macro_rules! fragment { ($m:meta) => { #[cfg($m)] pub fn d() {} } }
macro_rules! wrap { ($($i:item)*) => { $( #[cfg(feature = "r05")] $i )* } }
used!();
pub fn e() -> bool { used!(true) }
fragment!(r06);
wrap! { pub fn f() {} }
