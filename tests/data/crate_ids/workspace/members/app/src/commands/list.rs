use core_part::Number;

pub fn run(n: &Number) -> i64 {
    let doubled = n.value() * 2;
    if let Some(x) = Some(doubled) && x > 0 { x } else { 0 }
}
