// edition: 2024
mod a { mod b { fn f() {} } pub fn g() {} }
pub mod c {}
