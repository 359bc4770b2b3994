// edition: 2024
type A = unsafe fn();
type B = unsafe extern "C" fn(u8);
type C = extern "system" fn();
