// edition: 2024
fn f(o: Option<u8>) -> u8 { let Some(x) = o else { return 0 }; let (a, b) = (1, 2) else { panic!() }; x + a + b }
