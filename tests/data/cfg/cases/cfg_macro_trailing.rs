// check-cfg: cfg()
pub fn a() -> bool { cfg!(m01 m02) }
pub fn b() -> bool { cfg!(m03,,) }
pub fn c() -> bool { cfg!(m04 = "x" m05) }
pub fn d() -> bool { cfg!(all(m06), m07) }
