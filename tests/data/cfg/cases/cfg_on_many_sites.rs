// check-cfg: cfg()
pub struct S {
    #[cfg(s01)] pub f: u8,
}
pub enum E {
    #[cfg(s02)] V,
}
pub fn f(#[cfg(s03)] _x: u8) {
    #[cfg(s04)]
    let _y = 1;
    match 1 {
        #[cfg(s05)] 2 => {}
        _ => {}
    }
}
pub trait T {
    #[cfg(s06)] fn m(&self);
}
