// edition: 2024
type F = fn(u8) -> u8;
type G = unsafe extern "C" fn(*const u8, ...) -> i32;
type H = for<'a> fn(&'a u8);
