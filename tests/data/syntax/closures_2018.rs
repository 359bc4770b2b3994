// edition: 2018
fn f() { let a = || 1; let b = |x: u8| -> u8 { x }; let c = move |x| x; let d = |&x: &u8, (y, z): (u8, u8)| x + y + z; }
