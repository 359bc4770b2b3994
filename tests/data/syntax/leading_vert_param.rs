// edition: 2024
enum R { A(u8), B(u8) }
fn f(r: R) -> u8 { match r { | R::A(w) | R::B(w) if w > 1 => w, _ => 0 } }
