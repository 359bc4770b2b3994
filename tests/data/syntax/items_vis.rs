// edition: 2024
pub fn a() {}
pub(crate) fn b() {}
mod m { pub(super) fn c() {} pub(self) fn d() {} pub(in crate::m) fn e() {} }
