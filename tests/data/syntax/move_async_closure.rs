// edition: 2024
fn f() { let s = String::new(); let c = async move || { s.len() }; }
