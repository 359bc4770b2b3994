// edition: 2024
fn f() { let c = || -> Result<u8, ()> { Ok(1) }; }
