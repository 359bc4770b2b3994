// edition: 2024
trait T {}
fn f(a: Box<dyn T + 'static>, b: &(dyn T + Send)) {}
