// edition: 2024
#![feature(const_closures, const_trait_impl, ergonomic_clones, negative_bounds, closure_lifetime_binder)]
const fn f() { let a = const move || 1; let b = for<'a> const |x: &'a u8| -> &'a u8 { x }; }
fn g(s: String) -> usize { let c = use || s.len(); c() }
fn h<T: !Copy + Sized, U: const Default + !Send>() where T: !Sync {}
