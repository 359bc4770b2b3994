// edition: 2018
struct S;
impl S { fn a(self) {} fn b(&self) {} fn c(&mut self) {} fn d<'a>(&'a self) {} fn e(self: Box<Self>) {} fn f(mut self) {} }
