// Calls of the crate root's macros.

gated! {
    #![any(feature = "std", feature = "alloc", unix_like)]
    pub fn gated_a() {}
    pub struct GatedB;
}

when!(all(unix, not(target_os = "linux_gnu")));

named!(from_module);
