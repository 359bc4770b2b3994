// check-cfg: cfg(feature, values("std"))
// check-cfg: cfg(my_flag_long_name)
#[cfg(FEATURE = "std")] pub fn a() {}
#[cfg(UNIX)] pub fn b() {}
#[cfg(Debug_Assertions)] pub fn c() {}
#[cfg(MY_FLAG_LONG_NAME)] pub fn d() {}
