// edition: 2024
type F = fn(x: u8, _: u16) -> u8;
type G = extern "C" fn();
