// edition: 2024
fn f(x: u8) { match x { 0 => {} 1 => (), _ => { return; } } }
