#[cfg(ws_flag)] pub fn a() {}
#[cfg(ws_other)] pub fn b() {}
#[cfg(r#async)] pub fn c() {}
