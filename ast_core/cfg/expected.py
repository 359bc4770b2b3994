"""The expected-cfg set (rustc's `CheckCfg`): `--check-cfg` specs parsed and merged as
rustc does, plus the well-known names and values it adds.

Checking is on as soon as one spec is given, even `cfg()`; then names are checked
unless a spec was `cfg(any())`, a name is expected if it is well-known or declared,
and its values are checked unless its set is `any()`. Specs for the same name are
unioned; `values(any())` wins over everything.

The well-known names and values are a toolchain's (`toolchain.py`); the shipped ones
come from `ast_core/data/well_known_cfgs.json` (`scripts/gen_cfg_data.py`), read once
per process.

rustc stops at the first invalid spec. `build_check_cfg` reports every invalid spec
and builds the set from the valid ones, so an editor keeps checking meanwhile.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType

from ast_core.meta import (
    PATH_SEGMENT_KEYWORDS, LIT_DESCR, MetaItemLit, LitError, MetaItem, MetaList, MetaParseError, MetaParser,
    meta_to_string,
)

VISIT_NOTE = "visit <https://doc.rust-lang.org/nightly/rustc/check-cfg.html> for more details"
EXPECTED_FORM = 'expected `cfg(name, values("value1", "value2", ... "valueN"))`'
NAMES_FORM = "`cfg()` arguments must be simple identifiers, `any()` or `values(...)`"
VALUES_FORM = "`values()` arguments must be string literals, `none()` or `any()`"
VALUES_ANY_TWICE = "`any()` in `values()` cannot be specified multiple times"
STRINGS_AND_ANY = "`values()` arguments cannot specify string literals and `any()` at the same time"
#: rustc symbols user names may coincide with; they sort like well-known names in
#: "found config with similar value" (rustc orders those by symbol index).
_PREDEFINED_SYMBOLS = frozenset({"feature", "test"})


@dataclass(frozen=True, slots=True)
class ExpectedValues:
    """The values a name may take: strings, and None for "no value"; or any."""

    values: frozenset[str | None] = frozenset()
    any: bool = False

    def __contains__(self, value: object) -> bool:
        return self.any or value in self.values

    @property
    def strings(self) -> list[str]:
        """The string values, sorted by byte order as rustc sorts them."""
        return sorted((v for v in self.values if v is not None), key=str.encode)

    def union(self, other: ExpectedValues) -> ExpectedValues:
        if self.any or other.any:
            return ExpectedValues(any=True)
        return ExpectedValues(self.values | other.values)


@dataclass(frozen=True, slots=True)
class CheckCfgSpec:
    """One valid `--check-cfg` argument: its names and their value set, or
    `cfg(any())` (`any_names`)."""

    names: tuple[str, ...]
    values: frozenset[str | None]
    values_any: bool = False
    any_names: bool = False


@dataclass(frozen=True, slots=True)
class CheckCfgError:
    """rustc's fatal "invalid `--check-cfg` argument" error. `parse_error` is the
    syntax error rustc prints first, if any (with the note
    "this occurred on the command line: `--check-cfg=SPEC`")."""

    spec: str
    notes: tuple[str, ...]
    parse_error: str | None = None

    @property
    def message(self) -> str:
        return f"invalid `--check-cfg` argument: `{self.spec}`"

    @property
    def parse_error_note(self) -> str:
        return f"this occurred on the command line: `--check-cfg={self.spec}`"


@cache
def well_known() -> Mapping[str, ExpectedValues]:
    """The well-known names (rustc 1.95) and their values, read once."""
    text = resources.files("ast_core").joinpath("data/well_known_cfgs.json").read_text(encoding="utf-8")
    return MappingProxyType({name: ExpectedValues(frozenset(values))
                             for name, values in json.loads(text)["names"].items()})


@dataclass(frozen=True, slots=True)
class CheckCfg:
    """What rustc expects. `checking` is False when no spec was given: then nothing
    is checked. `expecteds` holds well-known and declared names; `well_known_names`
    the toolchain's well-known ones (a mapping, for `in`)."""

    expecteds: Mapping[str, ExpectedValues]
    exhaustive_names: bool
    checking: bool
    #: Declared names in order of first appearance (rustc's symbol order for them).
    declared_order: tuple[str, ...] = ()
    well_known_names: Mapping[str, ExpectedValues] = field(default_factory=well_known)

    def get(self, name: str) -> ExpectedValues | None:
        return self.expecteds.get(name)

    def symbol_rank(self, name: str) -> tuple[int, str | int]:
        """Sort key emulating rustc's symbol order: predefined symbols (well-known
        names and a few others) alphabetically first, then other names as declared."""
        if name in self.well_known_names or name in _PREDEFINED_SYMBOLS:
            return (0, name)
        return (1, self.declared_order.index(name) if name in self.declared_order else 0)


def _invalid(spec: str, *notes: str, parse_error: str | None = None) -> CheckCfgError:
    return CheckCfgError(spec, (*notes, VISIT_NOTE), parse_error)


def _invalid_arg(spec: str, arg: MetaItem | MetaItemLit, reason: str) -> CheckCfgError:
    """rustc's `error!(in arg, ...)`: a note naming the argument, then the reason."""
    shown = meta_to_string(arg, 2021)
    what = f"is {LIT_DESCR[arg.kind]} literal" if isinstance(arg, MetaItemLit) else "is invalid"
    return _invalid(spec, f"`{shown}` {what}", reason)


def _word(item: MetaItem | MetaItemLit) -> str | None:
    """The name of a plain one-segment item (`foo`, not `foo(..)`, `a::b`, `"x"`)."""
    if isinstance(item, MetaItem) and item.args is None and item.path.word is not None:
        return item.path.word.name
    return None


def _list_named(item: MetaItem | MetaItemLit, name: str) -> MetaList | None:
    """The arguments of `name(..)`."""
    if (isinstance(item, MetaItem) and isinstance(item.args, MetaList)
            and item.path.word is not None and item.path.word.name == name):
        return item.args
    return None


def parse_check_cfg(spec: str) -> CheckCfgSpec | CheckCfgError:
    """One `--check-cfg` argument, or rustc's error for it."""
    data = spec.encode()
    parser = MetaParser(data, 0, len(data))
    if any(tok.kind == "unknown" for tok in parser.tokens):
        return _invalid(spec, EXPECTED_FORM)
    try:
        item = parser.parse_item()
    except LitError as err:
        return _invalid(spec, EXPECTED_FORM, parse_error=err.diagnostic.message)
    except MetaParseError:
        return _invalid(spec, EXPECTED_FORM)
    if parser.errors:
        return _invalid(spec, EXPECTED_FORM, parse_error=parser.errors[0].message)
    args = _list_named(item, "cfg")
    if not parser.at_eof or args is None:
        return _invalid(spec, EXPECTED_FORM)
    return _interpret(spec, args.items)


def _interpret(spec: str, args: Iterable[MetaItem | MetaItemLit]) -> CheckCfgSpec | CheckCfgError:
    names: list[str] = []
    values: set[str | None] = set()
    any_specified = values_specified = values_any = False
    for arg in args:
        if (word := _word(arg)) is not None:
            if values_specified:
                return _invalid(spec, "`cfg()` names cannot be after values")
            if word in PATH_SEGMENT_KEYWORDS:
                return _invalid(spec, "malformed `cfg` input, expected a valid identifier")
            names.append(word)
        elif isinstance(arg, MetaItemLit) and arg.kind == "bool":
            if values_specified:
                return _invalid(spec, "`cfg()` names cannot be after values")
            names.append(arg.text)
        elif (inner := _list_named(arg, "any")) is not None:
            if any_specified:
                return _invalid(spec, "`any()` cannot be specified multiple times")
            any_specified = True
            if inner.items:
                return _invalid_arg(spec, arg, "`any()` takes no argument")
        elif (inner := _list_named(arg, "values")) is not None:
            if not names:
                return _invalid(spec, "`values()` cannot be specified before the names")
            if values_specified:
                return _invalid(spec, "`values()` cannot be specified multiple times")
            values_specified = True
            for value in inner.items:
                if isinstance(value, MetaItemLit) and value.kind == "str":
                    values.add(value.value)
                elif (empty := _list_named(value, "any")) is not None:
                    if values_any:
                        return _invalid_arg(spec, value, VALUES_ANY_TWICE)
                    values_any = True
                    if empty.items:
                        return _invalid_arg(spec, value, "`any()` in `values()` takes no argument")
                elif (empty := _list_named(value, "none")) is not None:
                    values.add(None)
                    if empty.items:
                        return _invalid_arg(spec, value, "`none()` in `values()` takes no argument")
                else:
                    return _invalid_arg(spec, value, VALUES_FORM)
        else:
            return _invalid_arg(spec, arg, NAMES_FORM)
    if not values_specified and not any_specified:
        values.add(None)  # `cfg(name)` means `cfg(name, values(none()))`
    elif values and values_any:
        return _invalid(spec, STRINGS_AND_ANY)
    if any_specified:
        if names or values or values_specified or values_any:
            return _invalid(spec, "`cfg(any())` can only be provided in isolation")
        return CheckCfgSpec((), frozenset(), any_names=True)
    return CheckCfgSpec(tuple(names), frozenset(values), values_any)


def build_check_cfg(specs: Iterable[str]) -> tuple[CheckCfg, tuple[CheckCfgError, ...]]:
    """The expected set for these `--check-cfg` arguments (with the shipped well-known
    names), and the invalid ones."""
    parsed = [parse_check_cfg(text) for text in specs]
    return check_cfg_of(parsed), tuple(spec for spec in parsed if isinstance(spec, CheckCfgError))


def check_cfg_of(parsed: Sequence[CheckCfgSpec | CheckCfgError],
                 known: Mapping[str, ExpectedValues] | None = None) -> CheckCfg:
    """The expected set for `--check-cfg` arguments already parsed (`parse_check_cfg`),
    with the well-known names `known` (default: the shipped ones); the invalid ones are
    skipped."""
    known = well_known() if known is None else known
    declared: dict[str, ExpectedValues] = {}
    exhaustive_names = bool(parsed)
    for spec in parsed:
        if isinstance(spec, CheckCfgError):
            continue
        if spec.any_names:
            exhaustive_names = False
        values = ExpectedValues(any=True) if spec.values_any else ExpectedValues(spec.values)
        for name in spec.names:
            declared[name] = declared[name].union(values) if name in declared else values
    if not parsed:
        return CheckCfg({}, exhaustive_names=False, checking=False, well_known_names=known)
    expecteds = dict(known)
    for name, values in declared.items():
        expecteds[name] = expecteds[name].union(values) if name in expecteds else values
    return CheckCfg(MappingProxyType(expecteds), exhaustive_names, True, tuple(declared), known)
