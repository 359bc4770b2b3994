// edition: 2024
struct A<const N: usize>;
fn f() -> A<3> { A::<{ 1 + 2 }> }
fn g<const B: bool>() {}
fn h() { g::<true>(); let _: A<{ 4 }>; }
