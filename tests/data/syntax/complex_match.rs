// edition: 2024
enum E { A(Option<(u8, u8)>), B { x: [u8; 2] } }
fn f(e: &E) { match e { E::A(Some((a, 1..=3))) | E::A(None) => {} &E::B { x: [1, ref y] } => {} _ => {} } }
