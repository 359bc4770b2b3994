// edition: 2024
fn f() { ; let a = 1;; if true {} ; loop { break } ; {} }
