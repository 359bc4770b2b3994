// edition: 2024
fn f() { let x = const { 1 + 2 }; let y = [const { None::<u8> }; 3]; }
