"""The diagnostics the check-cfg layer produces, in rustc's terms.

One shape serves both the `unexpected_cfgs` lint and the errors rustc gives for
malformed predicates, so the caller can sort, filter and convert them alike. All spans
are `(lo, hi)` UTF-8 byte offsets into the source text; line and column come later
(`ast_core.model.span.LineIndex`).

rustc's JSON lists a diagnostic's plain notes and helps first and its suggestions
last; here they are two fields, `children` and `suggestions`, each in rustc's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from ast_core.model.span import Span

Applicability = Literal["MachineApplicable", "MaybeIncorrect", "HasPlaceholders", "Unspecified"]
Level = Literal["error", "warning"]
What = Literal["name", "value", "malformed"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at `span` by `replacement` (an empty span inserts)."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A rustc suggestion: one message, one or more edits applied together."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class Child:
    """A note or help without a suggestion; `span` only where rustc gives one
    (the "lint level is defined here" note), in `file` when that is not the
    diagnostic's own file (a level attribute in a parent module's file)."""

    level: Literal["note", "help"]
    message: str
    span: Span | None = None
    file: str | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """Text rustc prints under a span: on the primary span or on a secondary one."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class CfgDiagnostic:
    """One `unexpected_cfgs` finding or one malformed-predicate error.

    `code` is the one of docs/json.md: "unexpected_cfgs" or "malformed_cfg"; "cargo_manifest"
    for what cargo (or rustc, for a `check-cfg` entry) rejects in Cargo.toml or a
    build script before compiling. `rustc_code` keeps rustc's error code (E0539...)
    where it has one. For findings, `name` is the cfg
    name (without `r#`) and `value` the string value written, if any.
    """

    code: Literal["unexpected_cfgs", "malformed_cfg", "cargo_manifest"]
    level: Level
    what: What
    message: str
    span: Span
    name: str | None = None
    value: str | None = None
    children: tuple[Child, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    labels: tuple[Label, ...] = ()
    rustc_code: str | None = None
    #: The "expected names are: ..." help, for a finding that would carry it if it
    #: were the first of its kind rustc emits (rustc's `help_once`); see
    #: `findings.with_expected_names`.
    expected_names: Child | None = field(default=None, compare=False)
    #: Why it is found in another configuration than the active one ("" when found
    #: in the active one): rustc reports it in a configuration that compiles it.
    other: str = ""

    def with_level(self, level: Level) -> CfgDiagnostic:
        return replace(self, level=level)
