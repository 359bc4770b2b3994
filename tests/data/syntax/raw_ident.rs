// edition: 2024
fn r#match() {}
struct r#struct { r#type: u8 }
fn f(s: r#struct) -> u8 { r#match(); s.r#type }
