// edition: 2024
#[unsafe(no_mangle)]
pub fn f() {}
#[unsafe(export_name = "g2")]
pub fn g() {}
