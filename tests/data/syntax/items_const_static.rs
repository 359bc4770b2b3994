// edition: 2024
const A: u8 = 1;
static B: u8 = 2;
static mut C: u8 = 3;
const _: () = ();
pub const D: &str = "d";
