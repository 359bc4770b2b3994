mod shared {
    pub fn greet() -> &'static str {
        "hi"
    }
}

fn main() {
    let _g = shared::greet();
    let _s = targets::calc::add(2, 3);
}
