// edition: 2021
fn f() { let a = 1_000u32; let b = 0x_ff; let c = 0o7; let d = 0b1; let e = 1.5e3f64; let g = 'x'; let h = "s\n"; let i = true; let j = 1e10; }
