// edition: 2024
fn f() { #[allow(unused)] let x = 1; #[cfg(all())] g(); #[allow(unused)] { } }
fn g() {}
