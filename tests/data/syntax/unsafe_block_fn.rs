// edition: 2024
unsafe fn f() { unsafe { g() } }
unsafe fn g() {}
pub unsafe trait T {}
unsafe impl T for () {}
