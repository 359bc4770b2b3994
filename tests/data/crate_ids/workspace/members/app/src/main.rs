mod commands;

use core_part::Number;

fn main() {
    let n = Number(2);
    let _ = commands::list::run(&n);
}
