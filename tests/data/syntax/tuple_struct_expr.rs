// edition: 2024
struct T(u8);
struct U;
fn f() { let a = T(1); let b = U; let c = T { 0: 2 }; }
