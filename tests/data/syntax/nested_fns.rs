// edition: 2024
fn f() { fn g() {} struct S; impl S {} const C: u8 = 1; g(); }
