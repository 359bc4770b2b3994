// edition: 2021
fn f(v: Vec<u8>) -> u8 { for x in v { if x > 1 { continue; } else if x == 0 { break; } } while false {} loop { return 1; } }
