// check-cfg: cfg(abcdefgh, abcdefxz)
#[cfg(abcdefxy)] pub fn a() {}
#[cfg(abcdezyx)] pub fn b() {}
