// edition: 2021
fn f(a: u8) -> u8 { match a { 0 => 1, 1 if a > 0 => { 2 } _ => match a { _ => 3 } } }
