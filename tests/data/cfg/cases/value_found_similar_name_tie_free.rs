// check-cfg: cfg(colour, values("red", "green"))
#[cfg(color = "red")] pub fn a() {}
#[cfg(color = "blue")] pub fn b() {}
#[cfg(colour = "gren")] pub fn c() {}
