// edition: 2024
fn f(o: Option<u8>) -> Option<u8> { let x = o?; Some(x?) }
