// edition: 2024
#![feature(stmt_expr_attributes, where_clause_attrs, coroutines, min_generic_const_args)]
fn attrs(v: Vec<u8>) -> usize {
    let n = #[allow(unused)] v.len() + 1;
    let mut m = 0;
    m = #[allow(unused)] n * 2;
    let k =
        #[allow(unused)] #[allow(dead_code)] m;
    #[allow(unused)] k as usize
}
fn w<T, U>(t: T, u: U) where #[cfg(all())] T: Copy, U: Clone, #[cfg(any())] #[allow(unused)] T: Send {}
fn c() { let g = #[coroutine] move || { yield 1u8; }; }
trait K { const N: usize; const B: bool; }
fn k<T: K<N = 4, B = true>>() {}
fn k2(x: impl K<N = { 2 * 2 }>) {}
