// edition: 2024
fn f() { let a = c"hi"; let b = cr"x"; let c = cr#"y"#; let d = b"z"; let e = br#"w"#; let g = b'q'; }
