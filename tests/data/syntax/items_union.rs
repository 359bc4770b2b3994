// edition: 2024
union U { a: u8, b: u16 }
union V<T: Copy> { t: T }
