// edition: 2024
fn f(x: u8) { match x { 0..5 => {} 5..10 => {} _ => {} } }
