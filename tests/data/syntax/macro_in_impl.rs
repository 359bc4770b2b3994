// edition: 2024
struct S;
impl S { m!(); fn f() {} n! { } }
trait T { m!(); }
