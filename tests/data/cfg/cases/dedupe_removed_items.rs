// check-cfg: cfg()
#[cfg(any())] mod m { #[cfg(c26)] pub fn a() {} }
#[cfg(d05)] #[cfg(d05)] pub fn b() {}
#[cfg(d06)]
#[cfg_attr(d07, inline)]
pub fn c() {}
