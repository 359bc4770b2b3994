pub const THING: u32 = 40;

pub fn twice(x: u32) -> u32 {
    x * 2
}
