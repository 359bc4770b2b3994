// edition: 2024
enum R { A(u8), B(u8) }
fn f(r: R) { let (| R::A(w) | R::B(w)) = r; let _ = w; }
