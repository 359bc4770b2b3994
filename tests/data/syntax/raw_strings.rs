// edition: 2024
fn f() { let a = r"x"; let b = r#"y"#; let c = r##"z"#"##; }
