// edition: 2024
#![feature(box_patterns, guard_patterns)]
enum E { A(Box<u8>), B(Box<Box<u8>>) }
fn f(e: E, o: Option<u8>) -> u8 {
    let a = match e {
        E::A(box 0) | E::B(box box 0) => 0,
        E::A(box ref x) => *x,
        E::B(box b @ box _) => **b,
    };
    let b = match o { (Some(1) | Some(2) if true) => 1, Some(x if x > 2) => x, _ => 0 };
    a + b
}
