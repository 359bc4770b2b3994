// edition: 2024
#[cfg_attr(all(), unsafe(export_name = "z"))]
pub fn f() {}
#[unsafe(no_mangle)]
pub fn g() {}
#[unsafe(link_section = ".x")]
pub static S: u8 = 0;
