// Every PatKind tree-sitter-rust parses.
enum E { A, B(u8, u8), C { x: u8, y: u8 } }
fn pats(e: E, t: (u8, u8), s: &[u8], r: &mut u8) {
    let _ = 1;
    let x = 1;
    let mut y = 2;
    let ref z = 3;
    let ref mut w = 4;
    let (a, b) = t;
    let (c,) = (1,);
    let (d) = 1;
    let () = ();
    let &mut q = r;
    let &e2 = &1;
    match e {
        E::A => {}
        E::B(0, ..) | E::B(.., 1) => {}
        E::B(m @ 2..=5, n) => {}
        E::C { x, y: 0 } => {}
        E::C { x: ref mut xx, .. } => {}
        _ => {}
    }
    match s {
        [] => {}
        [first, .., last] => {}
        [single] => {}
        [head, rest @ ..] => {}
    }
    match 5u8 {
        0..=9 => {}
        10.. => {}
        ..=20 => {}
        -1 | 255 => {}
        b'a' => {}
        _ => {}
    }
    match "s" { "a" | "b" => {} _ => {} }
    match 'c' { 'a'..='z' => {} _ => {} }
    if let Some(ref v) = Some(1) {}
    let Ok(v) | Err(v) = Ok::<u8, u8>(1);
}
