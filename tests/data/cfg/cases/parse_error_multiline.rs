// check-cfg: cfg()
#[cfg(any(c01
   c02))] pub fn a() {}
#[cfg(c03
   c04)] pub fn b() {}
#[cfg(c05 =
)] pub fn c() {}
