// edition: 2021
fn f() -> ! { loop {} }
fn g() -> ! { panic!() }
