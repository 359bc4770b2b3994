// edition: 2024
fn f(x: &&u8, y: &mut u8) { let &&a = x; let &mut b = y; }
