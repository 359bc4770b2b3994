// edition: 2024
fn f() { let c = async || 1; let d = async move |x: u8| x; let e = async |x| -> u8 { x }; }
