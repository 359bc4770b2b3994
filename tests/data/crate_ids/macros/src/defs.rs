macro_rules! double {
    ($e:expr) => {
        $e * 2
    };
}

macro_rules! make_fn {
    ($name:ident) => {
        pub fn $name() -> u8 {
            7
        }
    };
}
