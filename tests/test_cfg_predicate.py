"""`ast_core.cfg.predicate` and `meta`: parsing cfg sites as rustc does, evaluation.
(Exact texts and spans of every error are checked against rustc in test_cfg_cases.)"""

from __future__ import annotations

import pytest

from ast_core.cfg.predicate import (
    SiteStyle, CfgAll, CfgAny, CfgBool, CfgLeaf, CfgNot, CfgSite, CfgVersion, ParsedCfg,
    SiteKind, eval_predicate, parse_cfg, parse_cfg_attr, parse_predicate, parse_select_arm, parse_version,
)
from ast_core.targets import target_cfg

HOST = target_cfg()


def attr(text: str, kind: SiteKind = SiteKind.CFG) -> tuple[bytes, CfgSite]:
    """`#[NAME(...)]` (or `#[NAME]`, `#[NAME = ..]`) as bytes and its site."""
    data = text.encode()
    start = data.index(b"(") if b"(" in data else data.index(b"[", 2) if b"[" in data[2:] else -1
    if start == -1 and b"=" in data:
        start = data.index(b"=")
    args = (start, len(data) - 1) if start != -1 else None
    inner = data.startswith(b"#!")
    return data, CfgSite(kind, (0, len(data)), args, SiteStyle.INNER if inner else SiteStyle.OUTER)


def cfg(text: str) -> ParsedCfg:
    data, site = attr(f"#[cfg({text})]")
    return parse_cfg(data, site)


def names(parsed: ParsedCfg) -> list[str | tuple[str, str]]:
    return [leaf.name if leaf.value is None else (leaf.name, leaf.value) for leaf in parsed.leaves]


def test_leaf_spans() -> None:
    parsed = cfg('r#foo = "a\\"b"')
    [leaf] = parsed.leaves
    assert parsed.predicate == leaf
    assert (leaf.name, leaf.value, leaf.raw) == ("foo", 'a"b', True)
    assert (leaf.span, leaf.name_span, leaf.value_span) == ((6, 20), (6, 11), (14, 20))


def test_combinators_and_literals() -> None:
    parsed = cfg('all(any(unix, foo = "x"), not(bar), true)')
    pred = parsed.predicate
    assert isinstance(pred, CfgAll)
    any_, not_, true = pred.preds
    assert isinstance(any_, CfgAny) and isinstance(not_, CfgNot) and true == CfgBool(True, true.span)
    assert names(parsed) == ["unix", ("foo", "x"), "bar"]
    assert not parsed.errors


def test_trailing_commas() -> None:
    for text in ("a,", "any(a,)", "not(a,)", "all(a, b,)"):
        assert not cfg(text).errors, text


def test_bare_combinators_are_names() -> None:
    assert names(cfg("any")) == ["any"]
    assert names(cfg("not")) == ["not"]


def test_raw_strings_are_values() -> None:
    assert names(cfg('foo = r#"a"b"#')) == [("foo", 'a"b')]


def test_partial_validity() -> None:
    parsed = cfg("any(foo = 1, bar, all(baz(x), qux), not(a, b))")
    assert names(parsed) == ["bar", "qux"]
    assert [e.rustc_code for e in parsed.errors] == ["E0539", "E0537", "E0805"]
    assert isinstance(parsed.predicate, CfgAny) and len(parsed.predicate.preds) == 2


def test_missing_comma_recovers() -> None:
    parsed = cfg("any(unix foo)")
    assert names(parsed) == ["unix", "foo"]
    [error] = parsed.errors
    assert error.suggestions[0].message == "missing `,`"


def test_fatal_syntax_errors_drop_the_site() -> None:
    for text in ("foo.bar", "c01 c02", 'foo = "a" = "b"', "foo =", 'foo = "a"suf'):
        parsed = cfg(text)
        assert parsed.predicate is None and not parsed.leaves and len(parsed.errors) == 1, text


def test_not_a_list() -> None:
    data, site = attr("#[cfg]")
    [error] = parse_cfg(data, site).errors
    assert error.labels[0].span == site.span and error.labels[0].message == "expected this to be a list"
    data, site = attr('#[cfg = "x"]')
    [error] = parse_cfg(data, site).errors
    assert error.labels[0].span == (6, 11)


def test_wrong_delimiters_stop_cfg_not_cfg_attr() -> None:
    data, site = attr("#[cfg[foo]]")
    parsed = parse_cfg(data, site)
    assert parsed.errors[0].message == "wrong meta list delimiters" and not parsed.leaves
    data, site = attr("#[cfg_attr[foo, inline]]", SiteKind.CFG_ATTR)
    parsed = parse_cfg_attr(data, site)
    assert parsed.errors[0].message == "wrong `cfg_attr` delimiters"
    assert names(parsed) == ["foo"] and [a.path for a in parsed.attrs] == ["inline"]


def test_cfg_attr_items() -> None:
    data, site = attr('#[cfg_attr(unix, doc = "x", cfg_attr(foo, inline), allow(dead_code),)]',
                      SiteKind.CFG_ATTR)
    parsed = parse_cfg_attr(data, site)
    assert [(a.path, data[a.span[0]:a.span[1]].decode()) for a in parsed.attrs] == [
        ("doc", 'doc = "x"'), ("cfg_attr", "cfg_attr(foo, inline)"), ("allow", "allow(dead_code)")]
    nested = parsed.nested_site(parsed.attrs[1], site)
    assert nested.kind is SiteKind.CFG_ATTR and nested.style is SiteStyle.OUTER
    assert names(parse_cfg_attr(data, nested)) == ["foo"]
    assert parsed.nested_site(parsed.attrs[2], site) is None


def test_cfg_attr_predicate_error_gets_the_cfg_attr_form() -> None:
    data, site = attr("#![cfg_attr(c01 c02, inline)]", SiteKind.CFG_ATTR)
    [error] = parse_cfg_attr(data, site).errors
    assert error.suggestions[-1].edits[0].replacement == "#![cfg_attr(predicate, attr1, attr2, ...)]"


def test_cfg_macro() -> None:
    data = b"cfg!(foo, bar)"
    parsed = parse_cfg(data, CfgSite(SiteKind.CFG_MACRO, (0, len(data)), (4, len(data))))
    assert names(parsed) == ["foo"] and parsed.predicate is None
    assert [e.message for e in parsed.errors] == ["expected 1 cfg-pattern"]


def test_target_and_version() -> None:
    parsed = cfg('target(os = "linux", arch)')
    assert names(parsed) == [("target_os", "linux")]
    assert parsed.errors[0].labels[0].message == 'expected this to be of the form `... = "..."`'
    assert cfg('version("1.80")').predicate.min == (1, 80, 0)
    assert isinstance(cfg('version("foo")').predicate, CfgVersion)
    assert cfg('version("foo")').errors[0].level == "warning"


@pytest.mark.parametrize("text,expected", [
    ("1.80", (1, 80, 0)), ("1.80.1", (1, 80, 1)), ("1", None), ("1.80-beta", None),
    ("a.b", None), ("1.70000", None),
])
def test_parse_version(text: str, expected: tuple[int, int, int] | None) -> None:
    assert parse_version(text) == expected


@pytest.mark.parametrize("text,holds", [
    ("unix", True), ("windows", False), ('target_os = "linux"', True), ('target_os = "macos"', False),
    ("any()", False), ("all()", True), ("not(any())", True), ("true", True), ("false", False),
    ('all(unix, target_pointer_width = "64")', True), ('version("1.95")', True),
    ('version("1.96")', False), ('version("x")', False), ("debug_assertions", True),
])
def test_eval(text: str, holds: bool) -> None:
    assert eval_predicate(cfg(text).predicate, HOST) is holds


def test_parse_predicate_for_other_sites() -> None:
    data = b'#[doc(cfg(any(unix, foo)))]'
    parsed = parse_predicate(data, (9, 25), CfgSite(SiteKind.DOC, (0, len(data)), (5, 26)))
    assert names(parsed) == ["unix", "foo"]
    assert isinstance(parsed.predicate, CfgAny)
    assert isinstance(parsed.leaves[0], CfgLeaf)


def test_doc_link_and_select_errors_use_their_forms() -> None:
    data = b'#[doc(cfg(a, b))]'
    [err] = parse_predicate(data, (9, 15), CfgSite(SiteKind.DOC, (0, len(data)), (5, 16))).errors
    assert (err.message, err.rustc_code, err.children, err.suggestions) == (
        "malformed `doc` attribute input", "E0805", (), ())
    data = b'#[link(name = "m", cfg(y = 1))]'
    [err] = parse_predicate(data, (22, 29), CfgSite(SiteKind.LINK, (0, len(data)), (6, 30))).errors
    assert err.message == "malformed `link` attribute input"
    assert [c.message for c in err.children] == [
        "for more information, visit "
        "<https://doc.rust-lang.org/reference/items/external-blocks.html#the-link-attribute>"]
    data = b'cfg_select! { y = 1 => {} }'
    [err] = parse_select_arm(data, CfgSite(SiteKind.CFG_SELECT, (14, 19), (14, 19))).errors
    assert (err.message, err.span) == ("malformed `cfg_select` macro input", (14, 19))
    assert [c.message for c in err.children] == [
        "try changing it to one of the following valid forms of the macro"]
