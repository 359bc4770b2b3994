// Comments are copied; a comment after a match's last arm moves past its `}` (rustc
// closes the match with its scrutinee's span).
fn f(header: Option<u8>) -> u8 {
    // before the match
    let r = match header {
        Some(file) => file, // first arm
        None => 0, // last arm
    };
    /* block
       comment */
    let s = S { a: 1, /* inline */ b: 2 };

    r + s.a // trailing
}

struct S { a: u8, b: u8 }

/// Doc comments are attributes.
#[derive(Debug)]
enum E {
    /// Variant A.
    A = 1,
    B(u8, u16), // tuple
    C { x: i32 },
}
