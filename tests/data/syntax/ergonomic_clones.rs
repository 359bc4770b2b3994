// edition: 2024
#![feature(ergonomic_clones)]
fn f(s: String) { let t = s.use; let c = use || t.len(); }
