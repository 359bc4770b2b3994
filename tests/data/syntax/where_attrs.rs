// edition: 2024
#![feature(where_clause_attrs)]
fn f<T>() where #[cfg(true)] T: Copy, #[cfg(false)] T: Clone {}
