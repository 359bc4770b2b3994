// edition: 2024
fn f<'a, T>(t: &'a T) -> impl Sized + use<'a, T> { t }
fn g() -> impl Sized + use<> {}
