// mode: cargo
// crate-name: build_script_build
// check-cfg: cfg(docsrs,test)
#[cfg(bs_unknown)] pub fn a() {}
#[cfg(bs_value = "x")] pub fn b() {}
#[cfg(target_os = "linuz")] pub fn c() {}
