// edition: 2024
enum E { A, B { x: u8 } }
fn f(e: E) { match e { E::A => {} E::B { x: 1 } => {} E::B { .. } => {} } }
