// check-cfg: cfg(known)
pub mod a {
    pub mod b { #[cfg(h01)] pub fn z() {} }
    #[cfg(h02)] pub fn w() {}
    pub fn v() { #[cfg(h03)] let _q = 1; let _ = cfg!(h04); }
    #[cfg(h05)] pub fn u() {}
}
#[cfg(h06)] pub fn t() {}
