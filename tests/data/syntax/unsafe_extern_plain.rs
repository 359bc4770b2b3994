// edition: 2024
unsafe extern "C" { fn a(); static B: u8; }
unsafe extern { pub fn c(); }
