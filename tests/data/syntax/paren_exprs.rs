// edition: 2024
fn f(a: u8) { let b = (a); let c = ((a + 1) * 2); let d = (a.min(1)); }
