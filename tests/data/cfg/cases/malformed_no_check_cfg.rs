#[cfg(foo = 1)] pub fn a() {}
#[cfg(not(a, b))] pub fn b() {}
#[cfg(unknown_but_unchecked)] pub fn c() {}
#[cfg(any(unix foo))] pub fn d() {}
