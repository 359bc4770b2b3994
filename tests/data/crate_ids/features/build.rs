//! A build script is a crate of its own, compiled with the package's features.
fn main() {
    #[cfg(feature = "std")]
    let mode = "std";
    #[cfg(not(feature = "std"))]
    let mode = "core";
    let _ = mode.len();
    #[cfg(feature = "extra")]
    println!("cargo:rustc-env=EXTRA=1");
}
