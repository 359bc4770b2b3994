// edition: 2018
enum E { A, B(u8), C { x: u8 }, D = 3 }
enum F<T> { G(T), H }
#[repr(u8)] enum G { X = 1, Y = 2 }
