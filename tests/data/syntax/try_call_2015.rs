// edition: 2015
fn try() {}
fn f() { try(); let try = 1; }
