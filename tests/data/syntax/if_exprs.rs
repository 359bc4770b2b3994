// edition: 2024
fn f(a: bool) -> u8 { let x = if a { 1 } else { 2 }; if a { } if !a {} else {} x }
