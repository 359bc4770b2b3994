#[cfg(feature = "simdd")]
pub fn a() {}
#[cfg(target_os = "linuz")]
pub fn b() {}
#[cfg(windoze)]
pub fn c() {}
