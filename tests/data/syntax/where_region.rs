// edition: 2024
fn f<'a, 'b, T>(x: &'a T) where 'a: 'b, T: 'a + 'b {}
