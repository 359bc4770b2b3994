// edition: 2024
const B: isize = 2;
enum E { A = 1 << 2, C = B + 1, D }
