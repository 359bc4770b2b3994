// edition: 2024
//! crate doc
/// item doc
fn f() {}
/** block doc */
struct S;
mod m { //! inner doc
}
