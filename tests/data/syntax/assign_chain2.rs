// edition: 2024
fn f(a: &mut u8, b: &mut ()) { *b = *a = 5; }
