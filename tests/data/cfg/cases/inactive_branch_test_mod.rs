// check-cfg: cfg(feature, values("std"))
// check-cfg: cfg(test)
// other: --test
pub fn f() -> u8 { #[cfg(feature = "stdd")] { return 1; } 0 }
#[cfg(test)]
mod tests {
    #[cfg(feature = "tset")] fn g() {}
    #[cfg(tsets)] fn h() {}
    mod inner {
        #[cfg(feature = "tset")] fn deeper() {}
    }
    #[test]
    fn t() { assert!(cfg!(feature = "std") || !cfg!(unxi)); }
}
#[cfg(test)]
mod quiet_tests {
    #![allow(unexpected_cfgs)]
    #[cfg(hushed)] fn g() {}
}
#[cfg(test)]
#[deny(unexpected_cfgs)]
mod strict_tests {
    #[cfg(feature = "strict")] fn g() {}
}
