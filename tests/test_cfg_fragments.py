"""Cfgs a `macro_rules!` makes of a call's arguments (`ast_core/cfg/fragments.py`):
where the expansion is not known exactly, nothing is reported. (What is reported is
compared with rustc in `tests/data/cfg/cases/macro_fragments.rs` and the crate
`tests/data/cfg/crates/macro_fragments`.)"""

from __future__ import annotations

from ast_core.cfg.report import file_report
from ast_core.cfg.scan import scan_file
from ast_core.cfg.session import SessionSpec, build_session
from ast_core.lower import lower_file

SESSION = build_session(SessionSpec((("cfg()", "--check-cfg"),)))


def names(text: str) -> list[str]:
    """The cfg names reported for `text` as its own crate, in position order."""
    src = text.encode()
    items, inner = lower_file(src, 2021)
    diags, _ = file_report([scan_file(src, inner, items, SESSION)], SESSION, src)
    return [diag.name or "" for diag in diags]


def test_meta_fragment_is_reported_at_the_call() -> None:
    assert names("macro_rules! m { ($m:meta) => { #[cfg($m)] fn f() {} }; }\nm!(zz);\n") == ["zz"]


def test_a_leaf_from_the_call_and_the_macro_has_no_span_rustc_could_draw() -> None:
    # rustc's span runs from the `"x"` in the macro to `zz` in the call
    assert names('macro_rules! m { ($n:tt) => { #[cfg($n = "x")] fn f() {} }; }\nm!(zz);\n') == []
    assert names('macro_rules! m { ($v:tt) => { #[cfg(feature = $v)] fn f() {} }; }\nm!("x");\n') == []


def test_a_fragment_that_cannot_be_delimited_silences_the_call() -> None:
    closure = "macro_rules! m { ($e:expr, $m:meta) => { #[cfg($m)] fn f() {} }; }\nm!(|x| x, zz);\n"
    assert names(closure) == []
    struct = "macro_rules! m { ($e:expr, $m:meta) => { #[cfg($m)] fn f() {} }; }\nm!(S { a: 1 }, zz);\n"
    assert names(struct) == []


def test_rules_are_tried_in_order() -> None:
    text = ("macro_rules! m { (a $m:meta) => { #[cfg($m)] fn f() {} }; ($m:meta) => { #[cfg(not($m))] fn g() {} }; }\n"
            "m!(a first);\nm!(second);\nm!(a = 1, b);\n")
    assert names(text) == ["first", "second"]  # the last call matches no rule: rustc rejects it


def test_a_macro_defined_twice_is_not_expanded() -> None:
    text = ("mod a { macro_rules! m { ($m:meta) => { #[cfg($m)] fn f() {} }; } }\n"
            "mod b { macro_rules! m { ($m:meta) => { #[cfg(not($m))] fn f() {} }; } }\n"
            "m!(zz);\n")
    assert names(text) == []


def test_a_cfg_the_call_writes_is_reported_once() -> None:
    text = ("macro_rules! m { ($(#[cfg($($c:tt)*)])* $i:item) => { $(#[cfg($($c)*)])* $i }; }\n"
            "m!(#[cfg(zz)] fn f() {});\n")
    assert names(text) == ["zz"]


def test_repetitions_that_do_not_agree_are_not_guessed() -> None:
    text = ("macro_rules! m { ($($a:ident)* ; $($b:meta),*) => { $( #[cfg(all($a, $b))] fn f() {} )* }; }\n"
            "m!(x y ; p);\n")
    assert names(text) == []


def test_a_path_into_another_crate_names_another_macro() -> None:
    text = ("#[macro_export] macro_rules! m { ($m:meta) => { #[cfg($m)] fn f() {} }; }\n"
            "crate::m!(own);\nother::m!(theirs);\nfn g() { other::m! { theirs2 } crate::m! { own2 } }\n"
            "wrap! { other::m!(theirs3); self::m!(own3); }\n")
    assert names(text) == ["own", "own2", "own3"]
