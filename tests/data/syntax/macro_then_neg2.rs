// edition: 2024
fn f() { m!{} -1; m![] - 2; m!() - 3; }
