// edition: 2024
fn f<#[cfg(all())] 'a, #[allow(unused)] T, #[allow(unused)] const N: usize>() {}
