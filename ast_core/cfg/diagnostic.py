"""The diagnostics the check-cfg layer produces, in rustc's terms.

One shape serves both the `unexpected_cfgs` lint and the errors rustc gives for
malformed predicates, so the caller can sort, filter and convert them alike. All spans
are `(lo, hi)` UTF-8 byte offsets into the source text; line and column come later
(`ast_core.model.span.LineIndex`).

rustc's JSON lists a diagnostic's plain notes and helps first and its suggestions
last; here they are two fields, `children` and `suggestions`, each in rustc's order.
"""

from __future__ import annotations

from typing import Literal

from ast_core.model.span import Span
from ast_core.record import Record

Applicability = Literal["MachineApplicable", "MaybeIncorrect", "HasPlaceholders", "Unspecified"]
Level = Literal["error", "warning"]
What = Literal["name", "value", "malformed"]


class Edit(Record):
    """Replace the text at `span` by `replacement` (an empty span inserts)."""

    __slots__ = ("span", "replacement")

    def __init__(self, span: Span, replacement: str) -> None:
        self.span = span
        self.replacement = replacement


class Suggestion(Record):
    """A rustc suggestion: one message, one or more edits applied together."""

    __slots__ = ("message", "edits", "applicability")

    def __init__(self, message: str, edits: tuple[Edit, ...], applicability: Applicability) -> None:
        self.message = message
        self.edits = edits
        self.applicability = applicability


class Child(Record):
    """A note or help without a suggestion; `span` only where rustc gives one
    (the "lint level is defined here" note), in `file` when that is not the
    diagnostic's own file (a level attribute in a parent module's file)."""

    __slots__ = ("level", "message", "span", "file")

    def __init__(self, level: Literal["note", "help"], message: str, span: Span | None = None,
                 file: str | None = None) -> None:
        self.level = level
        self.message = message
        self.span = span
        self.file = file


class Label(Record):
    """Text rustc prints under a span: on the primary span or on a secondary one."""

    __slots__ = ("span", "message")

    def __init__(self, span: Span, message: str) -> None:
        self.span = span
        self.message = message


class CfgDiagnostic(Record):
    """One `unexpected_cfgs` finding or one malformed-predicate error.

    `code` is the one of docs/json.md: "unexpected_cfgs" or "malformed_cfg"; "cargo_manifest"
    for what cargo (or rustc, for a `check-cfg` entry) rejects in Cargo.toml or a
    build script before compiling. `rustc_code` keeps rustc's error code (E0539...)
    where it has one. For findings, `name` is the cfg
    name (without `r#`) and `value` the string value written, if any.
    """

    __slots__ = ("code", "level", "what", "message", "span", "name", "value", "children", "suggestions", "labels",
                 "rustc_code", "expected_names", "other")
    _not_compared = ("expected_names",)

    def __init__(self, code: Literal["unexpected_cfgs", "malformed_cfg", "cargo_manifest"], level: Level, what: What,
                 message: str, span: Span, name: str | None = None, value: str | None = None,
                 children: tuple[Child, ...] = (), suggestions: tuple[Suggestion, ...] = (),
                 labels: tuple[Label, ...] = (), rustc_code: str | None = None, expected_names: Child | None = None,
                 other: str = "") -> None:
        self.code = code
        self.level = level
        self.what = what
        self.message = message
        self.span = span
        self.name = name
        self.value = value
        self.children = children
        self.suggestions = suggestions
        self.labels = labels
        self.rustc_code = rustc_code
        # The "expected names are: ..." help, for a finding that would carry it if it
        # were the first of its kind rustc emits (rustc's `help_once`); see
        # `findings.with_expected_names`.
        self.expected_names = expected_names
        # Why it is found in another configuration than the active one ("" when found
        # in the active one): rustc reports it in a configuration that compiles it.
        self.other = other

    def with_level(self, level: Level) -> CfgDiagnostic:
        return self.replace(level=level)
