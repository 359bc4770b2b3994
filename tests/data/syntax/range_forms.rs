// edition: 2024
fn f() { let a = 1..2; let b = ..3; let c = 4..; let d = ..; let e = 5..=6; let g = ..=7; }
