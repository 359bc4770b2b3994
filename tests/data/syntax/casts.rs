// edition: 2024
fn f(x: u8) { let a = x as u32 as u64; let b = &x as *const u8; let c = -1i32 as u8; }
