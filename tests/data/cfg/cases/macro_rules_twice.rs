// check-cfg: cfg(known)
macro_rules! twice { () => { cfg!(w01) } }
pub fn a() -> bool { twice!() }
pub fn b() -> bool { twice!() }
