#[test]
fn doubles() {
    assert_eq!(super::top(), 42);
}
