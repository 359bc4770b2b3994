fn main() {
    println!("cargo::rustc-check-cfg=cfg(tuned, values(\"fast\", \"small\"))");
    println!("cargo::rerun-if-changed=build.rs");
}
