// Attributes and cfg: what rustc drops before numbering, what it keeps.
#![allow(unused)]
#![cfg_attr(unix, allow(dead_code))]
#[cfg(unix)] fn on_unix() {}
#[cfg(windows)] fn on_windows() {}
#[cfg(any())] fn never() {}
#[cfg(all())] fn always() {}
#[cfg(not(test))] fn not_test() {}
#[cfg(feature = "x")] fn feature() {}
#[cfg_attr(unix, inline)] fn cfg_attr_true() {}
#[cfg_attr(windows, inline)] fn cfg_attr_false() {}
#[cfg_attr(all(), cfg(any()))] fn removed_by_cfg_attr() {}
#[cfg_attr(all(), doc = "inserted", inline)] fn two_inserted() {}
#[doc = "eq literal"] fn doc_eq() {}
#[test] fn a_test() {}
#[derive(Clone, Debug)] struct Derived { a: u8 }
#[rustfmt::skip] fn tool_attr() {}
#[unsafe(no_mangle)] pub extern "C" fn unmangled() {}
#[deprecated(note = "x")] #[must_use] fn inert() -> u8 { 1 }
fn body() {
    #[cfg(any())] let gone = 1;
    #[allow(unused)] let kept = #[allow(unused)] 1;
    #[cfg(any())] { 1 };
    #[cfg(any())] if true {}
    let arr = [1, #[cfg(any())] 2, 3];
    match 1 { #[cfg(any())] 0 => {}, _ => {} }
}
struct Fields { #[cfg(any())] a: u8, b: u8 }
enum Variants { #[cfg(any())] A, B }
fn params(#[cfg(any())] a: u8, b: u8) {}
