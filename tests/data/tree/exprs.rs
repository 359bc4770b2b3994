// Every ExprKind tree-sitter-rust parses.
fn exprs(a: i32, b: i32, v: Vec<i32>, o: Option<i32>, p: *const i32) -> i32 {
    let arr = [1, 2, 3];
    let rep = [0u8; 4];
    let call = std::cmp::max(a, b);
    let method = v.iter().map(|x| x + 1).count();
    let turbofish = v.iter().copied().collect::<Vec<i32>>();
    let tup = (a, b, 1.5, 'c', b'x', "s", b"bytes", r#"raw"#, c"cstr", true);
    let unit = ();
    let one = (a,);
    let bin = a + b * 2 - a / b % 3 << 1 >> 2 & 3 | 4 ^ 5;
    let cmp = a == b && a != b || a < b && a <= b || a > b && a >= b;
    let un = -a + !b;
    let deref = unsafe { *p };
    let cast = a as i64 as u8;
    let paren = (a + b) * 2;
    let field = one.0;
    let index = arr[0];
    let range = 0..10;
    let range2 = ..=b;
    let range3 = a..;
    let full = ..;
    let addr = &a;
    let addr_mut = &mut vec![1];
    let raw = &raw const a;
    let raw_mut = &raw mut *vec![1].as_mut_ptr();
    let closure = move |x: i32, y| -> i32 { x + y };
    let block = { let inner = 1; inner };
    let labeled = 'blk: { break 'blk 1 };
    let unsafe_block = unsafe { 1 };
    let async_block = async move { a };
    let konst = const { 1 + 2 };
    let iff = if a > b { a } else if a < b { b } else { 0 };
    let iflet = if let Some(x) = o { x } else { 0 };
    let chain = if let Some(x) = o && x > 0 && let Some(y) = o { x + y } else { 0 };
    let matched = match o { Some(0) => 0, Some(n) if n > 5 => n, Some(_) | None => { 1 } };
    let mut total = 0;
    while total < 10 { total += 1; }
    while let Some(x) = o { total = x; break; }
    'outer: for i in 0..3 { for j in 0..3 { if i == j { continue 'outer; } } }
    loop { break; }
    let s = S { a, b: 2, ..Default::default() };
    let qualified = <Vec<i32> as Default>::default();
    let try_ = (|| -> Option<i32> { let v = o?; Some(v) })();
    total -= 1; total *= 2; total /= 1; total %= 7; total ^= 1; total &= 3; total |= 4; total <<= 1; total >>= 1;
    let assign;
    assign = 5;
    let macro_expr = format!("{}", a);
    return total + assign + method as i32;
}
struct S { a: i32, b: i32, c: i32 }
impl Default for S { fn default() -> Self { S { a: 0, b: 0, c: 0 } } }
async fn awaits(f: impl std::future::Future<Output = u8>) -> u8 { f.await }
