// check-cfg: cfg(feature, values("a"))
// Cfgs a macro makes of what a call gives it (`$m:meta`, `$($t:tt)*`, `$n:ident`,
// `$v:literal`, `$p:path`, an `expr` literal), in `#[cfg]`, `#[cfg_attr]` and `cfg!`:
// rustc lints them at the call's tokens (tt, meta, path) or at `$x` in the macro (ident,
// literal, expr). A leaf whose first and last tokens come one from the call, one from
// the macro has no such span (`$n = "x"` with `$n:tt`): not part of this case.
macro_rules! m_meta { ($m:meta, $i:item) => { #[cfg($m)] $i }; }
macro_rules! m_tt { ($($t:tt)*) => { #[cfg($($t)*)] pub fn tt_f() {} }; }
macro_rules! m_lit { ($v:literal) => { #[cfg(feature = $v)] pub fn lit_f() {} }; }
macro_rules! m_ident { ($n:ident) => { #[cfg($n)] pub fn id_f() {} #[cfg($n = "x")] pub fn id_g() {} }; }
macro_rules! m_attr { ($m:meta) => { #[cfg_attr($m, derive(Debug))] pub struct S; }; }
macro_rules! m_bang { ($m:meta) => { pub fn bang() -> bool { cfg!($m) } }; }
macro_rules! m_not { ($m:meta) => { #[cfg(all(not($m)))] pub fn not_f() {} }; }
macro_rules! m_expr { ($e:expr) => { #[cfg(target_has_atomic = $e)] pub fn expr_f() {} }; }
macro_rules! m_two { ($a:tt $b:tt) => { #[cfg($a = $b)] pub fn two_f() {} }; }
macro_rules! m_path { ($p:path) => { #[cfg($p)] pub fn path_f() {} }; }
macro_rules! m_rep { ($($m:meta),*) => { $( #[cfg($m)] pub fn rep_f() {} )* }; }
macro_rules! m_nested {
    ($name:ident $(cfg($($cfg:tt)*))*, $($rest:tt)*) => {
        #[cfg(all(not(any()), $($($cfg)*)*))]
        pub fn $name() {}
    };
}
macro_rules! m_items { (#![$m:meta] $($item:item)*) => { $( #[cfg($m)] $item )* }; }
m_meta!(foo1, pub fn a() {});
m_meta!(feature = "x2", pub fn b() {});
m_meta!(all(foo3, bar3 = "y"), pub fn c() {});
m_tt!(any(foo4, feature = "z4"));
m_lit!("lit5");
m_ident!(id6);
m_attr!(attr7);
m_bang!(bang8 = "v");
m_not!(not9);
m_expr!("99");
m_two!(two10 "v10");
m_path!(path11);
m_rep!(rep12a, rep12b);
m_meta!(featur = "a", pub fn d() {});
m_meta!(unix = "x", pub fn e() {});
m_nested!(nested13 cfg(not(nested13)), rest of it);
m_items! {
    #![any(feature = "items14", items15)]
    pub fn items_a() {}
    pub struct ItemsB;
}
