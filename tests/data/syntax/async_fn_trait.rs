// edition: 2024
trait T { async fn f(&self) -> u8; fn g(&self) -> impl Future<Output = u8>; }
