// edition: 2024
fn f(x: u8) -> u8 { match x { | 1 => 2, | 3 | 4 => 5, _ => 0 } }
