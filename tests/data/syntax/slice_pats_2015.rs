// edition: 2015
fn f(v: &[u8]) { match v { [] => {} [a] => {} [a, .., b] => {} [a, rest @ ..] => {} } }
