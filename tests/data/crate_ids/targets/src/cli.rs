//! A module of the binary `targets`, not of the lib.
pub fn run(args: &[String]) -> i32 {
    if args.len() > 1 { 0 } else { targets::calc::add(1, -1) }
}
