// edition: 2024
extern "C" { fn a(); }
fn g() {}
