// edition: 2024
#[cfg_attr(true, unsafe(no_mangle))]
pub extern "C" fn f() {}
fn g() { let x = 1; }
