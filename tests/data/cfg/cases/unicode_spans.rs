// check-cfg: cfg(café, values("é"))
/* é */ #[cfg(cafe)] pub fn a() {}
/* ü */ #[cfg(café = "è")] pub fn b() {}
#[cfg(naïve)] pub fn c() {}
