fn main() {
    let v = targets::version();
    let _len = v.len();
}
