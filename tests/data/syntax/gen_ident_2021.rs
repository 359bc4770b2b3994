// edition: 2021
fn gen() {}
fn f() { let gen = 1; gen(); }
