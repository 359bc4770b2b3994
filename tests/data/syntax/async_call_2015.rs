// edition: 2015
fn r#try() {}
fn async() {}
fn f() { async(); }
