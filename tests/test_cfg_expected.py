"""`ast_core.cfg.expected`: `--check-cfg` specs (check-cfg.md §4.3, every error text)
and the merged expected set."""

from __future__ import annotations

import pytest

from ast_core.cfg.expected import (
    EXPECTED_FORM, NAMES_FORM, VALUES_FORM, VISIT_NOTE, CheckCfgError, CheckCfgSpec, ExpectedValues, build_check_cfg,
    parse_check_cfg, well_known,
)

# The texts, spelled out here on purpose (the module's constants must equal rustc's).
ANY_NAMES_NOTE = "`cfg()` arguments must be simple identifiers, `any()` or `values(...)`"
VALUES_NOTE = "`values()` arguments must be string literals, `none()` or `any()`"
assert (NAMES_FORM, VALUES_FORM) == (ANY_NAMES_NOTE, VALUES_NOTE)


@pytest.mark.parametrize("spec,names,values,values_any", [
    ("cfg()", (), {None}, False),
    ("cfg(foo)", ("foo",), {None}, False),
    ("cfg(foo, bar)", ("foo", "bar"), {None}, False),
    ('cfg(foo, values("a", "b"))', ("foo",), {"a", "b"}, False),
    ('cfg(foo, values(none(), "a"))', ("foo",), {None, "a"}, False),
    ("cfg(foo, values())", ("foo",), set(), False),
    ("cfg(foo, values(any()))", ("foo",), set(), True),
    ('cfg(a, b, values("x"))', ("a", "b"), {"x"}, False),
    ("cfg(true)", ("true",), {None}, False),
    ("cfg(r#foo)", ("foo",), {None}, False),
    ("cfg(foo,)", ("foo",), {None}, False),
    ('cfg(foo, values("a",))', ("foo",), {"a"}, False),
    ("cfg(foo, values(none(), none()))", ("foo",), {None}, False),
    ("  cfg(foo)  ", ("foo",), {None}, False),
    ('cfg(foo, values(r#"a"b"#, "\\u{e9}"))', ("foo",), {'a"b', "é"}, False),
])
def test_valid_specs(spec: str, names: tuple[str, ...], values: set, values_any: bool) -> None:
    assert parse_check_cfg(spec) == CheckCfgSpec(names, frozenset(values), values_any)


def test_any_names_spec() -> None:
    assert parse_check_cfg("cfg(any())") == CheckCfgSpec((), frozenset(), any_names=True)


@pytest.mark.parametrize("spec,notes", [
    ("foo", [EXPECTED_FORM]),
    ("cfg(foo", [EXPECTED_FORM]),
    ("names(foo)", [EXPECTED_FORM]),
    ('values(foo, "a")', [EXPECTED_FORM]),
    ("cfg(foo) x", [EXPECTED_FORM]),
    ("cfg(foo,,)", [EXPECTED_FORM]),
    ("cfg(foo, values(-1))", [EXPECTED_FORM]),
    ('cfg("foo")', ['`"foo"` is a string literal', ANY_NAMES_NOTE]),
    ('cfg(foo = "a")', ['`foo = "a"` is invalid', ANY_NAMES_NOTE]),
    ("cfg(foo::bar)", ["`foo::bar` is invalid", ANY_NAMES_NOTE]),
    ("cfg(foo(a))", ["`foo(a)` is invalid", ANY_NAMES_NOTE]),
    ("cfg(1)", ["`1` is an integer literal", ANY_NAMES_NOTE]),
    ("cfg(foo, none())", ["`none()` is invalid", ANY_NAMES_NOTE]),
    ("cfg(foo, values(bar))", ["`bar` is invalid", VALUES_NOTE]),
    ("cfg(foo, values(1))", ["`1` is an integer literal", VALUES_NOTE]),
    ("cfg(foo, values(true))", ["`true` is a boolean literal", VALUES_NOTE]),
    ("cfg(foo, values(1.5))", ["`1.5` is a float literal", VALUES_NOTE]),
    ('cfg(foo, values(b"x"))', ['`b"x"` is a byte string literal', VALUES_NOTE]),
    ('cfg(foo, values(none, "a"))', ["`none` is invalid", VALUES_NOTE]),
    ('cfg(foo, values("a"), values("b"))', ["`values()` cannot be specified multiple times"]),
    ('cfg(values("a"))', ["`values()` cannot be specified before the names"]),
    ('cfg(any(), values("a"))', ["`values()` cannot be specified before the names"]),
    ('cfg(foo, values(any(), "a"))',
     ["`values()` arguments cannot specify string literals and `any()` at the same time"]),
    ("cfg(foo, values(none(none)))", ["`none(none)` is invalid", "`none()` in `values()` takes no argument"]),
    ("cfg(any(), any())", ["`any()` cannot be specified multiple times"]),
    ("cfg(foo, any())", ["`cfg(any())` can only be provided in isolation"]),
    ("cfg(any(x))", ["`any(x)` is invalid", "`any()` takes no argument"]),
    ("cfg(foo, values(any(), any()))",
     ["`any()` is invalid", "`any()` in `values()` cannot be specified multiple times"]),
    ("cfg(foo, values(any(x)))", ["`any(x)` is invalid", "`any()` in `values()` takes no argument"]),
    ('cfg(foo, values("a"), bar)', ["`cfg()` names cannot be after values"]),
    ("cfg(self)", ["malformed `cfg` input, expected a valid identifier"]),
])
def test_invalid_specs(spec: str, notes: list[str]) -> None:
    error = parse_check_cfg(spec)
    assert isinstance(error, CheckCfgError)
    assert error.message == f"invalid `--check-cfg` argument: `{spec}`"
    assert list(error.notes) == [*notes, VISIT_NOTE]
    assert error.parse_error is None


@pytest.mark.parametrize("spec,parse_error", [
    ("cfg(bad syntax)", "expected one of `(`, `)`, `,`, `::`, or `=`, found `syntax`"),
    ('cfg(foo, values("a" "b"))', 'expected one of `)` or `,`, found `"b"`'),
    ('cfg(foo, values("a"suf))', "suffixes on string literals are invalid"),
])
def test_syntax_errors_come_first(spec: str, parse_error: str) -> None:
    error = parse_check_cfg(spec)
    assert isinstance(error, CheckCfgError)
    assert error.parse_error == parse_error
    assert error.parse_error_note == f"this occurred on the command line: `--check-cfg={spec}`"
    assert list(error.notes) == [EXPECTED_FORM, VISIT_NOTE]


def test_checking_off_without_specs() -> None:
    check_cfg, errors = build_check_cfg([])
    assert not check_cfg.checking and not check_cfg.exhaustive_names and not errors
    assert check_cfg.get("unix") is None


def test_well_known_names() -> None:
    check_cfg, _ = build_check_cfg(["cfg()"])
    assert check_cfg.checking and check_cfg.exhaustive_names
    assert len(well_known()) == 31
    assert "test" not in well_known() and "feature" not in well_known()
    assert check_cfg.get("unix") == ExpectedValues(frozenset({None}))
    assert check_cfg.get("target_has_atomic").values == frozenset(
        {None, "8", "16", "32", "64", "128", "ptr"})
    assert len(check_cfg.get("target_os").strings) == 49


def test_merging() -> None:
    check_cfg, _ = build_check_cfg(['cfg(foo, values("a"))', "cfg(foo)", "cfg(foo, values())",
                                    'cfg(bar, values("b"))', "cfg(bar, values(any()))",
                                    'cfg(target_os, values("my_os"))', "cfg(any())"])
    assert check_cfg.get("foo") == ExpectedValues(frozenset({None, "a"}))
    assert check_cfg.get("bar").any
    assert "my_os" in check_cfg.get("target_os") and "linux" in check_cfg.get("target_os")
    assert not check_cfg.exhaustive_names
    assert check_cfg.declared_order == ("foo", "bar", "target_os")


def test_invalid_specs_are_reported_and_skipped() -> None:
    check_cfg, errors = build_check_cfg(["cfg(ok)", "cfg(bad", "cfg(fine)"])
    assert [e.spec for e in errors] == ["cfg(bad"]
    assert check_cfg.get("ok") and check_cfg.get("fine")


def test_symbol_rank() -> None:
    check_cfg, _ = build_check_cfg(["cfg(zeta, alpha, feature)"])
    ranked = sorted(["zeta", "alpha", "target_os", "feature", "fmt_debug"], key=check_cfg.symbol_rank)
    assert ranked == ["feature", "fmt_debug", "target_os", "zeta", "alpha"]
