// edition: 2024
fn f() { 'outer: for i in 0..3 { 'inner: while true { break 'outer; } continue 'outer; } }
