// edition: 2015
mod m { pub fn f() {} }
use m::f;
fn g() { ::m::f(); f(); }
