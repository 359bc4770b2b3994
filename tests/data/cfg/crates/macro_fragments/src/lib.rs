//! Macros defined in the crate root, called in a module file: the cfgs they make of
//! a call's `meta` and `tt` fragments are reported at the call, in the module's file;
//! of an `ident` fragment, at `$n` here.

macro_rules! gated {
    (#![$meta:meta] $($item:item)*) => {
        $( #[cfg($meta)] $item )*
    };
}

macro_rules! when {
    ($($t:tt)*) => {
        pub fn when() -> bool { cfg!($($t)*) }
    };
}

macro_rules! named {
    ($n:ident) => {
        #[cfg($n)]
        pub fn $n() {}
    };
}

mod calls;

gated! {
    #![feature = "sdt"]
    pub fn typo_in_root() {}
}
