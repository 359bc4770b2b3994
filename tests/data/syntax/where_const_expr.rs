// edition: 2024
struct W<const N: usize>;
fn f<const N: usize>() where [(); N + 1]: Sized, W<{ N * 2 }>: Sized {}
