// edition: 2024
fn f() { let c = |x: u8| { let y = x; y }; let d = move || {}; }
