// edition: 2024
struct S;
trait T { fn f(&self); }
impl S { pub fn new() -> S { S } }
impl T for S { fn f(&self) {} }
impl<X: Clone> T for Vec<X> { fn f(&self) {} }
