fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_fast_path)");
    println!("cargo::rustc-check-cfg=cfg(never_set)");
    println!("cargo:rustc-cfg=has_fast_path");
    if std::env::var("NEVER_SET").is_ok() {
        println!("cargo:rustc-cfg=never_set");
    }
}
