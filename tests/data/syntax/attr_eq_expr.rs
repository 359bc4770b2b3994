// edition: 2024
#[doc = "x"]
fn f() {}
#[deprecated(note = "y")]
fn g() {}
#[path = "m.rs"]
mod m {}
