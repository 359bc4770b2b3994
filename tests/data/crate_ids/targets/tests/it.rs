mod common;

#[test]
fn works() {
    assert_eq!(common::setup(), 1);
}

fn helper_not_test() -> u8 {
    common::setup() as u8
}
