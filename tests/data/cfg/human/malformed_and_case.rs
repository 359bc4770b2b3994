#[cfg(Unix)]
pub fn a() {}
#[cfg(version = "1.0")]
pub fn b() {}
#[cfg]
pub fn c() {}
#[cfg(feature = -1)]
pub fn d() {}
#[cfg(feature = abc)]
pub fn e() {}
#[cfg(any(unix,,))]
pub fn f() {}
#[cfg(feature = b"x")]
pub fn g() {}
