// check-cfg: cfg(known)
cfg_select! {
    s01 => { pub fn a() {} }
    unix => { #[cfg(s02)] pub fn a() {} }
    s03 => { #[cfg(s04)] pub fn a2() {} }
    _ => { #[cfg(s05)] pub fn a3() {} }
}
pub fn b() -> u8 {
    cfg_select! { s06 = "x" => 1, any(unix, s07) => { #[cfg(s08)] let _x = 1; 2 } _ => 3 }
}
cfg_select! { s09 = 1 => {} _ => {} }
cfg_select! { foo(s10) => {} _ => {} }
cfg_select! { s11 => {} }
