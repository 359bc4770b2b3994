// edition: 2021
fn f() { let mut a = 0; let mut b = 0; a = b = (); let _ = (a, b); }
