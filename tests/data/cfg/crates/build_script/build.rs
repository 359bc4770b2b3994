#[cfg(bs_unknown)]
fn helper() {}

fn main() {
    println!("cargo::rustc-check-cfg=cfg(bs_flag)");
    println!("cargo::rustc-check-cfg=cfg(bs_values, values(\"{{a}}\"))");
    if cfg!(bs_flag) {
        println!("cargo::rustc-cfg=bs_flag");
    }
}
