mod helper;

fn main() {
    let _ = helper::assist(3);
}
