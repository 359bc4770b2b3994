pub mod numbers;

pub use numbers::Number;
