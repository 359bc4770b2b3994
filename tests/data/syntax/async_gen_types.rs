// edition: 2024
async fn f() -> Result<(), Box<dyn std::error::Error + Send + Sync>> { Ok(()) }
