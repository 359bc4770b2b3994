// edition: 2024
#![feature(asm_experimental_arch)]
core::arch::global_asm!("");
fn f() { unsafe { core::arch::asm!("nop"); } }
