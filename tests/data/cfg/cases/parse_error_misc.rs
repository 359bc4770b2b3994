// check-cfg: cfg()
#[cfg(_)] pub fn a() {}
#[cfg(any(a,,b))] pub fn b() {}
#[cfg(fn)] pub fn c() {}
#[cfg(any(,))] pub fn d() {}
