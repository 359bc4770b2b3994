// edition: 2024
fn f(a: *const u8, b: *mut u8, c: &'static str, d: &mut [u8], e: [[u8; 2]; 3]) -> ! { loop {} }
