// Where the line breaker decides tokens: a broken struct expression or `use` list
// gets a trailing comma; a short one does not.
use std::collections::{HashMap, HashSet, BTreeMap, BTreeSet, VecDeque, BinaryHeap, LinkedList};
use std::fmt::{self};
use std::io::{Read};
use std::{};
use std::{io::{Write, BufRead}, fmt::Debug};

struct Point { x: f64, y: f64, z: f64 }

fn build() -> Point {
    let short = Point { x: 1.0, y: 2.0, z: 3.0 };
    let long = Point { x: 1.0000000000000000001, y: 2.00000000000000000002, z: 3.0000000000000000003 };
    let base = Point { x: 0.0, ..short };
    let rest = Point { ..long };
    Point { x: base.x + rest.x + long.x + short.x, y: base.y + rest.y + long.y + short.y, z: 0.0 }
}

fn calls(a: i32, b: i32,) -> i32 {
    let v = vec![1, 2, 3,];
    let arr = [1, 2, 3,];
    let t = (1, 2,);
    let c = |x: i32, y: i32| x + y;
    c(a, b,) + some_function_with_a_long_name(a, b, a + b, a * b, a - b, a / b, a % b, a << 1, b >> 2)
}

fn some_function_with_a_long_name(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32, i: i32) -> i32 { a }
