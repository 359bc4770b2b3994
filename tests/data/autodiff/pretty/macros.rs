// Macro calls print as their tokens, spaced as written; doc comments inside are tokens.
macro_rules! m {
    ($($t:tt)*) => { $($t)* };
}
m! {
    /// documented
    pub fn g() {}
}
m!(fn h() {});
fn f() {
    println!("{} {}", 1, 2);
    let v = vec![1,2 , 3];
    m![let _x = 1 ;];
    assert_eq!(v.len(), 3, "len {}", v . len());
}
