// check-cfg: cfg(alpha, values("x", "y"))
// check-cfg: cfg(gamma, values(none(), "g"))
// check-cfg: cfg(delta, values())
// check-cfg: cfg(omega, values(any()))
#[cfg(alpah = "x")] pub fn a() {}
#[cfg(alpah = "z")] pub fn b() {}
#[cfg(gamam = "q")] pub fn c() {}
#[cfg(gamam = "g")] pub fn d() {}
#[cfg(detla = "q")] pub fn e() {}
#[cfg(detla)] pub fn f() {}
#[cfg(alpah)] pub fn g() {}
#[cfg(omeag)] pub fn h() {}
#[cfg(omeag = "w")] pub fn i() {}
