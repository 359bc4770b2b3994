// edition: 2024
fn f() { let a = [1, 2, 3]; let b = [0u8; 4]; let c: [u8; 2] = [1; 2]; let d: &[u8] = &[]; }
