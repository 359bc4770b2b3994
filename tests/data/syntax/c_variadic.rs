// edition: 2024
unsafe extern "C" { fn p(f: *const u8, ...) -> i32; fn q(f: *const u8, args: ...); }
