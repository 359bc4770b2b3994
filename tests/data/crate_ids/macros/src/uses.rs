#[derive(Debug, Default)]
pub struct Config {
    pub level: u8,
}

make_fn!(seven);

#[rustfmt::skip]
pub fn skipped() -> u8 { 1 }

pub fn after_macros(c: &Config) -> u32 {
    let v = vec![c.level];
    println!("{:?}", v);
    double!(c.level as u32) + v.len() as u32
}

#[inline]
pub fn inert(x: u8) -> u8 {
    x
}
