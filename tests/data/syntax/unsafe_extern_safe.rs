// edition: 2024
unsafe extern "C" { safe fn s(); pub safe fn t(x: u8) -> u8; safe static S: u8; unsafe fn u(); pub unsafe static U: i32; }
