// edition: 2024
fn f(v: Vec<u8>) { v.into_iter().for_each(|x| { let _ = x; }); }
