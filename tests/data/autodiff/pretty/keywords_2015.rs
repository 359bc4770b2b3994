// edition: 2015
// In a token stream, a keyword of the edition keeps its space before `(` and `!`;
// other identifiers are printed tight (rustc's `space_between`).
macro_rules! m {
    ($($t:tt)*) => {};
}
fn main() {
    m!(async (1) dyn (2) try (3) await (4) gen (5) union (6) async ! try ! gen ! r#async (7) r#gen !);
    m!(if !x {} match (y) {} fn (z) Self (w) pub (crate) yield (v) macro_rules ! n);
}
