// edition: 2024
#[derive(Clone, Debug)]
struct S;
fn after() { let x = 1; }
