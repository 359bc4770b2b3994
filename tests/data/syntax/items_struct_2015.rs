// edition: 2015
struct A;
struct B(u8, pub u16);
struct C { pub a: u8, b: Vec<u8> }
struct D<T: Copy>(T) where T: Send;
