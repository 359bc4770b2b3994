// check-cfg: cfg()
pub fn a() -> bool { cfg!(m01) }
pub fn b() -> bool { cfg!(m02,) }
pub fn c() -> bool { cfg!(any(m03, unix)) }
pub fn d() -> bool { cfg!(target_os = "linuz") }
pub fn e() -> bool { cfg![m04] }
pub fn f() -> bool { cfg! { m05 } }
