// edition: 2024
fn f(v: Vec<u8>) -> usize { v.iter().map(|x| x + 1).filter(|x| *x > 1).count() }
