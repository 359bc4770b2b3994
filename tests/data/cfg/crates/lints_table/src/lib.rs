#[cfg(only_cc)] pub fn a() {}
#[cfg(only_c)] pub fn b() {}
#[cfg(other)] pub fn c() {}
