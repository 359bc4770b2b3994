// edition: 2024
fn f(x: m!(u8)) { let m!(y) = x; }
type T = m![u8];
