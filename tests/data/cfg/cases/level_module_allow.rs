// check-cfg: cfg()
#[allow(unexpected_cfgs)]
pub mod m {
    #[cfg(e01)] pub fn a() {}
}
#[allow(unexpected_cfgs)]
#[cfg(e02)] pub fn b() {}
