// edition: 2024
// Syntax rustc 1.95 parses and tree-sitter-rust 0.24.2 does not (ast-model.md §5):
// recorded as known divergences in known_divergences.json.
fn gaps(x: Option<u8>) {
    let g = async gen { yield 1; };
    do yeet 1;
    let c = for<'a> |v: &'a u8| -> &'a u8 { v };
    let e = #[allow(unused)] 1;
    become gaps(x);
    let n = x.match { _ => 1 };
    for await v in s {}
    super let z = 1;
}
gen fn counter() -> u32 { yield 1; }
unsafe extern "C" { safe fn s(); safe static S: u8; }
trait Alias = Clone + Send;
auto trait Marker {}
struct Defaults { a: u8 = 1 }
impl !Marker {}
macro m($x:expr) { $x }
fn offsets() -> usize { builtin # offset_of(Defaults, a) }
fn pats(b: Box<u8>) { let box v = b; }
fn refs(p: &pin mut u8) {}
fn binders(f: unsafe<'a> &'a u8) {}
unsafe mod um {}
fn braces() { m! { 1 } &x; }
