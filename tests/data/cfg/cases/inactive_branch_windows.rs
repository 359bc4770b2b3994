// check-cfg: cfg(feature, values("std"))
// other: --cfg windows -A explicit_builtin_cfgs_in_flags
#[cfg(feature = "stdd")] pub fn active() {}
#[cfg(windows)]
pub fn f() -> u8 {
    #[cfg(feature = "typo")]
    let _x = 1;
    if cfg!(target_os = "windos") { 1 } else { 0 }
}
pub struct S {
    pub a: u8,
    #[cfg(windows)] pub b: [u8; { #[cfg(feature = "tpyo")] let _y = 1; 2 }],
}
#[cfg(all(windows, not(any())))]
#[allow(unexpected_cfgs)]
pub fn quiet() { #[cfg(hushed)] let _z = 1; }
#[cfg(any())]
pub fn never() { #[cfg(nobody)] let _w = 1; }
