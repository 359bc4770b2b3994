// edition: 2024
#![feature(postfix_match)]
fn f(v: Vec<u8>, o: Option<u8>) -> u8 {
    let a = v.len().match { 0 => 1, n if n > 9 => { 2 } _ => 3 } + 1;
    let b = (o).match {
        Some(x) => x.match { 0 => 0, _ => 1 },
        None => 2,
    };
    let c = o.match { _ => v.clone() }.len();
    a + b + c as u8
}
