// edition: 2024
#[test]
fn t() {}
fn after() { let x = 1; }
