// edition: 2024
fn f() { let año = 1; let 中 = 2; let x = "😀"; }
