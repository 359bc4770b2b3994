// edition: 2024
#![feature(gen_blocks)]
gen fn g() -> u32 { yield 1; }
async gen fn h() -> u32 { yield 2; }
fn k() { let a = async gen { yield 3; }; }
