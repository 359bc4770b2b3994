// edition: 2024
fn f(v: (u8, u8)) { let (ref a, ref mut b) = v; let mut c = 1; let (mut d, _) = v; match v { x @ (1, _) => {} _ => {} } }
