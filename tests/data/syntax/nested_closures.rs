// edition: 2024
fn f() { let a = |x: u8| move |y: u8| x + y; let b = a(1)(2); }
