#[cfg_attr(feature = "alloc", cfg(alloc_only))] pub fn a() {}
#[cfg_attr(feature = "extra", cfg(extra_only))] pub fn b() {}
#[cfg_attr(not(feature = "std"), cfg(no_std_only))] pub fn c() {}
