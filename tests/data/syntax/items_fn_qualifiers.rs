// edition: 2024
const fn a() {}
async fn b() {}
unsafe fn c() {}
extern "C" fn d() {}
const unsafe fn e() {}
pub async unsafe fn g() {}
unsafe extern "C" fn h() {}
