//! A macro defined in the crate root, called in a module file: the cfgs it makes of
//! a call's `meta` and `tt` fragments are reported at the call, in the module's file.

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

mod calls;

gated! {
    #![feature = "sdt"]
    pub fn typo_in_root() {}
}
