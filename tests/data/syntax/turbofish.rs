// edition: 2024
fn f() { let v = Vec::<u8>::new(); let n = "1".parse::<u8>(); let s = std::mem::size_of::<u64>(); }
