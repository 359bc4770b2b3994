fn main() {
    println!("cargo::rustc-check-cfg=cfg(from_build, values(\"x\", \"y\"))");
    println!(r#"cargo:rustc-check-cfg=cfg(old_syntax)"#);
}
