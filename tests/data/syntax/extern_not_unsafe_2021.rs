// edition: 2021
extern "C" { fn a(); }
extern { fn b(); }
