// edition: 2024
fn f(x: i32, s: &str, c: char) { match x { -1 => {} 0 | 1 => {} _ => {} } match s { "a" => {} _ => {} } match c { 'a'..='z' => {} _ => {} } }
