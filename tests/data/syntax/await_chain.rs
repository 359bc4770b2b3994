// edition: 2024
async fn f() -> u8 { g().await + g().await }
async fn g() -> u8 { 1 }
