// check-cfg: cfg(b3, b1, b2, values("yy"))
// check-cfg: cfg(c1, c2, c3, c4, values("zz"))
#[cfg(yy)] pub fn a() {}
#[cfg(zz)] pub fn b() {}
