// edition: 2024
fn f() { let a: Vec<_> = vec![1]; let b = a.iter().collect::<Vec<_>>(); }
