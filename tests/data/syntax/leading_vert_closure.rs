// edition: 2024
fn f() { let c = |(| 0 | 1): (u8,)| (); let _ = c; }
fn g(x: Option<u8>) { if let | Some(1) | None = x {} }
