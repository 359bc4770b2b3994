// Spans count characters: é, 中, 😀, e+U+0301, tabs.
fn café(x: u8) -> &'static str { "😀 中文" }
fn	tabs() { let é = 1; let s = "e\u{301}"; let t = "😀"; }
/// Doc with ümlaut and 😀
struct Ünïcödé { 名前: u8 }
