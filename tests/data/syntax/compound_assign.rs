// edition: 2024
fn f(mut a: u8) { a += 1; a -= 1; a *= 2; a /= 2; a %= 3; a ^= 1; a &= 1; a |= 1; a <<= 1; a >>= 1; }
