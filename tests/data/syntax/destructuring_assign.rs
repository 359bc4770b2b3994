// edition: 2024
fn f() { let (mut a, mut b) = (1, 2); (a, b) = (b, a); [a, ..] = [1, 2]; struct S { x: u8 } S { x: a } = S { x: 1 }; }
