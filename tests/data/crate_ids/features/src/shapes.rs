//! Always compiled; some items depend on features.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

pub enum Shape {
    Circle { center: (f64, f64), radius: f64 },
    Square(f64),
    #[cfg(feature = "extra")]
    Triangle([f64; 3]),
    Empty,
}

impl Shape {
    pub fn area(&self) -> f64 {
        match self {
            Shape::Circle { radius, .. } => 3.14 * radius * radius,
            Shape::Square(side) => side * side,
            #[cfg(feature = "extra")]
            Shape::Triangle(_) => 0.0,
            Shape::Empty => 0.0,
        }
    }
}

#[cfg(feature = "serde_like")]
pub fn serialize(shape: &Shape) -> String {
    format!("{}", shape.area())
}

#[cfg(all(feature = "alloc", not(feature = "serde_like")))]
pub fn describe(shape: &Shape) -> Vec<u8> {
    let mut out = Vec::new();
    out.push(shape.area() as u8);
    out
}
