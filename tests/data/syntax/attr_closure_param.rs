// edition: 2024
fn f() { let c = |#[allow(unused)] x: u8, #[cfg(all())] y: u8| x; }
