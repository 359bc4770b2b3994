// edition: 2021
struct P { a: u8, b: u8 }
fn f(p: P) -> u8 {
    if let P { #[allow(unused)] a, .. } = p { return a; }
    let P {
        #[cfg(all())]
        a,
        #[cfg(any())] b: _,
        ..
    } = p;
    a
}
