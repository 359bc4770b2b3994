// edition: 2024
macro_rules! m { ($x:expr) => { $x }; }
m!(1);
m! { 2 }
thread_local! { static X: u8 = 0; }
