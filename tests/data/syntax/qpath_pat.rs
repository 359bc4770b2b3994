// edition: 2024
trait T { const C: u8; }
fn f<X: T>(v: u8) { match v { <X as T>::C => {} _ => {} } }
