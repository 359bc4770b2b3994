// check-cfg: cfg(abcdefghijkl)
#[cfg(abcdefghixxx)] pub fn a() {}
#[cfg(abcdefghijxx)] pub fn b() {}
#[cfg(abcdefxhijkl)] pub fn c() {}
#[cfg(bacdefghijkl)] pub fn d() {}
