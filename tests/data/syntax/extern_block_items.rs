// edition: 2024
unsafe extern "C" { static A: u8; static mut B: u8; fn c(x: u8) -> u8; pub fn d(); }
