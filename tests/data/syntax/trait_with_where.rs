// edition: 2024
trait T where Self: Sized { fn f() where Self: Copy; }
