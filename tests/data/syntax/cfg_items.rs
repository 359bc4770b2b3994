// edition: 2024
#[cfg(false)]
fn a() {}
#[cfg(true)]
fn b() {}
#[cfg(any())]
struct S;
fn c() { #[cfg(false)] let x = 1; }
