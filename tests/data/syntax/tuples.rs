// edition: 2024
fn f() -> (u8, (u8,)) { let a = (); let b = (1,); let c = (1, 2); (1, (2,)) }
