pub mod parse;

pub trait Anon {
    fn anon(u8) -> u8;
}
