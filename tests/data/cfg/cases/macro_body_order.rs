// check-cfg: cfg()
// rustc lints a `macro_rules!` body where a call expands it: here in `mod m`, after
// `m`'s own first finding, which carries the once-only note.
macro_rules! body {
    () => { #[cfg(in_body)] pub fn b() {} };
}

pub mod m {
    #[cfg(in_m_first)]
    pub fn p() {}
    body!();
}
