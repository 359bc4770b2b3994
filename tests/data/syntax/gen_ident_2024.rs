// edition: 2024
fn r#gen() {}
fn f() { let r#gen = 1; }
