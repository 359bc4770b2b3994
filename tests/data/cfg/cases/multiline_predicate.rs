// check-cfg: cfg()
#[cfg(any(
    unix,
    m01 = "x",
    all(m02,
        not(m03)),
))]
pub fn a() {}
