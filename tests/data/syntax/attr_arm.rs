// edition: 2024
fn f(x: u8) { match x { #[allow(unused)] 1 => {}, #[cfg(all())] _ => {} } }
