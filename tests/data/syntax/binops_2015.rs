// edition: 2015
fn f(a: u8, b: u8) { let c = a + b * 2 - a / b % 3; let d = a << 1 | b >> 1 & 3 ^ 4; let e = a == b && a != b || a < b; let g = a <= b; }
