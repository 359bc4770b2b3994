// check-cfg: cfg()
pub fn a() {
    println!("{}", cfg!(g01));
    assert!(cfg!(g02) || true);
    let _v = vec![cfg!(g03), cfg!(unix)];
    let _s = stringify!(cfg!(g04));
    debug_assert_eq!(cfg!(any(g05, unix)), true);
    let _w = format!("{}", if cfg!(target_os = "linuz") { 1 } else { 2 });
    let _t = vec![#[cfg(g06)] 1, 2];
}
macro_rules! id { ($($t:tt)*) => { $($t)* } }
id! {
    #[cfg(g07)] pub fn b() { let _ = cfg!(g08); }
    #[cfg(unix)] pub fn c() { let _ = cfg!(g09); }
    pub fn d() -> bool { cfg!(g10) }
}
pub fn e() -> bool { id!(cfg!(g11)) }
