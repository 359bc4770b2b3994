#[cfg(bs_flag)] pub fn a() {}
#[cfg(bs_values = "{a}")] pub fn b() {}
#[cfg(bs_values = "a")] pub fn c() {}
#[cfg(bs_unknown)] pub fn d() {}
