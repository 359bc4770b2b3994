// edition: 2018
trait T {}
fn f(x: &dyn T) {}
async fn g() {}
