// check-cfg: cfg()
pub fn a() -> bool { cfg!() }
pub fn b() -> bool { cfg!(m01, m02) }
pub fn c() -> bool { cfg!("x") }
pub fn d() -> bool { cfg!(foo = 1) }
pub fn e() -> bool { cfg!(not(a, b)) }
pub fn f() -> bool { cfg!(foo(x)) }
pub fn g() -> bool { cfg!(any(unix foo)) }
