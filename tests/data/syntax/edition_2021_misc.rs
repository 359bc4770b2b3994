// edition: 2021
fn f() { let a = [1, 2]; for x in a {} let s = format!("{a:?}"); let c = |x| x; }
