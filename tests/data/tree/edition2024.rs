// edition: 2024
fn f(o: Option<u8>) -> u8 { if let Some(x) = o && x > 1 { x } else { 0 } }
unsafe extern "C" { pub unsafe fn u(); }
