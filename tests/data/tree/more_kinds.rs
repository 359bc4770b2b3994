// edition: 2021
// Kinds the other cases leave out: try blocks, `_` assignees, yield, macros in
// pattern and type position.
fn more(v: (u8, u8)) {
    let r: Option<u8> = try { 1 };
    let a;
    (a, _) = v;
    _ = a;
    let g = || { yield 1; };
    let m!(x) = 1;
    let t: m!(u8) = 1;
}
