// Every StmtKind, and the statement repairs.
fn stmts(c: bool) -> u8 {
    ;
    let a: u8;
    let b = 1;
    let Some(d) = Some(2) else { return 0 };
    fn nested() {}
    struct Local;
    if c {} ;
    { 1 };
    loop { break } ;
    println!("{}", b);
    vec![1];
    m! {}
    m!();
    a + b;
    if c { 1 } else { 2 }
}
fn trailing_mac() -> u8 { m!() }
fn trailing_braces() { m! {} }
macro_rules! m { () => { 1 } }
