"""The `unexpected_cfgs` lint for one cfg leaf, worded exactly as rustc 1.95 words it.

`check_leaf` decides whether a leaf (`name` or `name = "value"`) is unexpected and
builds rustc's diagnostic: message, primary span, notes and helps in rustc's order,
suggestions. Two children depend on what rustc emitted before, so they are not built
in: the "expected names are: ..." help (a `help_once`: only on the first finding that
would carry it) and the lint-level note ("`#[warn(unexpected_cfgs)]` on by default",
a `note_once`). The caller walks its findings in rustc's emission order (not source
order: check-cfg.md §6.7) and applies `emit` to each, which adds them where they
belong.

Modes: `Mode.RUSTC` is plain rustc; `Mode.CARGO` is rustc run by cargo
(`CARGO_CRATE_NAME` set), which words its help for Cargo.toml and build scripts. The
`RUSTC_BOOTSTRAP=1` variants and the notes for cfgs written inside other crates'
macros are not produced (spec §6.4, §6.6).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from ast_core.cfg.diagnostic import CfgDiagnostic, Child, Edit, Level, Suggestion
from ast_core.cfg.edit_distance import find_best_match
from ast_core.cfg.expected import CheckCfg, ExpectedValues
from ast_core.cfg.levels import LintLevelSource
from ast_core.meta import ident_to_string
from ast_core.cfg.predicate import CfgLeaf
from ast_core.model.span import Span

MAX_LISTED = 35  # rustc's MAX_CHECK_CFG_NAMES_OR_VALUES
RUSTC_DOC_NOTE = ("see <https://doc.rust-lang.org/nightly/rustc/check-cfg.html> for more "
                  "information about checking conditional configuration")
CARGO_DOC_NOTE = ("see <https://doc.rust-lang.org/nightly/rustc/check-cfg/cargo-specifics.html> "
                  "for more information about checking conditional configuration")
BUILD_SCRIPT_CRATE = "build_script_build"
#: How rustc's help to declare a cfg in Cargo.toml's `[lints.rust]` starts (a quick fix
#: offers to make that edit where a finding carries it).
CARGO_TOML_HELP = "or consider adding in `Cargo.toml` the `check-cfg` lint config for the lint:"


class Mode(Enum):
    RUSTC = "rustc"
    CARGO = "cargo"


@dataclass(frozen=True, slots=True)
class LintContext:
    """What the lint needs besides the leaf: the expected set, the mode, the crate
    name (`build_script_build` for a build script) and the edition (keywords print as
    `r#name`)."""

    check_cfg: CheckCfg
    mode: Mode = Mode.RUSTC
    crate_name: str | None = None
    edition: int = 2021

    @property
    def doc_note(self) -> Child:
        return Child("note", CARGO_DOC_NOTE if self.mode is Mode.CARGO else RUSTC_DOC_NOTE)


# -- texts --------------------------------------------------------------------------


def escape_debug(value: str) -> str:
    """Rust's `str::escape_debug`: quotes, backslashes and control characters escaped,
    non-printable characters and a leading combining mark as `\\u{hex}`."""
    out: list[str] = []
    for i, ch in enumerate(value):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif not ch.isprintable() or (i == 0 and unicodedata.category(ch) in ("Mn", "Me")):
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return "".join(out)


_ESCAPES = {"\0": "\\0", "\t": "\\t", "\r": "\\r", "\n": "\\n", "\\": "\\\\", '"': '\\"', "'": "\\'"}


def check_cfg_arg(name: str, value: str | None, edition: int = 2021, *,
                  in_rust_string: bool = False) -> str:
    """The `--check-cfg` spec that would expect this leaf (rustc's
    `to_check_cfg_arg`); `in_rust_string` quotes it for a `println!` in build.rs."""
    ident = ident_to_string(name, edition)
    if value is None:
        return f"cfg({ident})"
    escaped = escape_debug(value)
    if in_rust_string:
        return f'cfg({ident}, values(\\"{escaped.replace(chr(34), chr(92) * 4 + chr(34))}\\"))'
    return f'cfg({ident}, values("{escaped}"))'


def backticked_list(items: Iterable[str], and_more: int = 0) -> str:
    """`` `a`, `b`, and `c` `` with rustc's serial comma, then " and N more"."""
    shown = [f"`{item}`" for item in items]
    text = " and ".join(shown) if len(shown) <= 2 else ", ".join(shown[:-1]) + f", and {shown[-1]}"
    return text + (f" and {and_more} more" if and_more else "")


def _truncated(names: list[str], total: int) -> tuple[list[str], int]:
    shown = sorted(names, key=str.encode)[:MAX_LISTED]
    return shown, total - len(shown)


def _cargo_helps(leaf: CfgLeaf, cx: LintContext) -> list[Child]:
    """rustc's `cargo_help_sub`: Cargo.toml and (outside build scripts) build.rs."""
    inst = check_cfg_arg(leaf.name, leaf.value, cx.edition)
    helps = [
        Child("help", "consider using a Cargo feature instead"),
        Child("help", f"{CARGO_TOML_HELP}\n [lints.rust]\n unexpected_cfgs = "
                      f"{{ level = \"warn\", check-cfg = ['{inst}'] }}"),
    ]
    if cx.crate_name != BUILD_SCRIPT_CRATE:
        quoted = check_cfg_arg(leaf.name, leaf.value, cx.edition, in_rust_string=True)
        helps.append(Child("help", f'or consider adding `println!("cargo::rustc-check-cfg={quoted}");` '
                                   "to the top of the `build.rs`"))
    return helps


def _rustc_help(leaf: CfgLeaf, cx: LintContext) -> Child:
    inst = check_cfg_arg(leaf.name, leaf.value, cx.edition)
    return Child("help", f"to expect this configuration use `--check-cfg={inst}`")


def _suggest(message: str, span: Span, replacement: str,
             applicability: Literal["MachineApplicable", "MaybeIncorrect"] = "MaybeIncorrect") -> Suggestion:
    return Suggestion(message, (Edit(span, replacement),), applicability)


# -- the lint -----------------------------------------------------------------------


def check_leaf(leaf: CfgLeaf, cx: LintContext) -> CfgDiagnostic | None:
    """The `unexpected_cfgs` finding for `leaf`, or None if rustc expects it."""
    expected = cx.check_cfg.get(leaf.name)
    if expected is None:
        return unexpected_name(leaf, cx) if cx.check_cfg.exhaustive_names else None
    if leaf.value in expected:
        return None
    return unexpected_value(leaf, expected, cx)


@dataclass(slots=True)
class _Parts:
    """A finding under construction: plain children, then the invocation help."""

    children: list[Child] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    expected_names: Child | None = None


def unexpected_name(leaf: CfgLeaf, cx: LintContext) -> CfgDiagnostic:
    """rustc's `unexpected_cfg_name` (spec §6.2)."""
    parts = _Parts()
    is_feature = leaf.name == "feature"
    if is_feature and cx.mode is Mode.CARGO:
        parts.children.append(Child("help", "consider defining some features in `Cargo.toml`"))
    elif leaf.value_span is not None and leaf.name == "version":
        name_end, (value_lo, value_hi) = leaf.name_span[1], leaf.value_span
        parts.suggestions.append(Suggestion(
            'there is a similar config predicate: `version("..")`',
            (Edit((name_end, value_lo), "("), Edit((value_hi, value_hi), ")")), "MachineApplicable"))
    elif leaf.value is None and not leaf.raw and leaf.name.lower() in ("true", "false"):
        literal = leaf.name.lower()
        parts.suggestions.append(_suggest(
            f"you may have meant to use `{literal}` (notice the capitalization). Doing so makes "
            f"this predicate evaluate to `{literal}` unconditionally",
            leaf.name_span, literal, "MachineApplicable"))
    elif (best := find_best_match(sorted(cx.check_cfg.expecteds), leaf.name)) is not None:
        is_feature |= best == "feature"
        _similar_name(leaf, best, cx.check_cfg.expecteds[best], parts, cx)
    else:
        _similar_values(leaf, parts, cx)
    if cx.mode is Mode.CARGO:
        if not is_feature:
            parts.children += _cargo_helps(leaf, cx)
    else:
        parts.children.append(_rustc_help(leaf, cx))
    parts.children.append(cx.doc_note)
    return CfgDiagnostic(
        code="unexpected_cfgs", level="warning", what="name",
        message=f"unexpected `cfg` condition name: `{ident_to_string(leaf.name, cx.edition)}`",
        span=leaf.span, name=leaf.name, value=leaf.value, children=tuple(parts.children),
        suggestions=tuple(parts.suggestions), expected_names=parts.expected_names)


def _similar_name(leaf: CfgLeaf, best: str, values: ExpectedValues, parts: _Parts,
                  cx: LintContext) -> None:
    """N4: a similar expected name exists."""
    shown = ident_to_string(best, cx.edition)
    if values.any:
        parts.suggestions.append(_suggest("there is a config with a similar name", leaf.name_span, shown))
        return
    strings = values.strings
    listed = Child("help", f"expected values for `{best}` are: {backticked_list(strings)}")
    if leaf.value is None:
        if strings:
            parts.children.append(listed)
        parts.suggestions.append(_suggest("there is a config with a similar name", leaf.name_span, shown))
    elif leaf.value in values.values:
        parts.suggestions.append(_suggest("there is a config with a similar name and value",
                                          leaf.name_span, shown))
    elif None in values.values:
        parts.suggestions.append(_suggest("there is a config with a similar name and no value",
                                          leaf.span, shown))
    else:
        if strings:
            parts.children.append(listed)
        replacement = f'{shown} = "{strings[0]}"' if strings else shown
        parts.suggestions.append(_suggest("there is a config with a similar name and different values",
                                          leaf.span, replacement))


def _similar_values(leaf: CfgLeaf, parts: _Parts, cx: LintContext) -> None:
    """N5: no similar name; maybe names that have this name as a value, and the
    once-only list of expected names."""
    check_cfg = cx.check_cfg
    if leaf.value is None:
        owners = sorted((name for name, values in check_cfg.expecteds.items()
                         if not values.any and leaf.name in values.values),
                        key=check_cfg.symbol_rank)
        if len(owners) <= 3:
            parts.suggestions += [_suggest("found config with similar value", leaf.name_span,
                                           f'{owner} = "{leaf.name}"') for owner in owners]
    declared = [name for name in check_cfg.expecteds if name not in check_cfg.well_known_names]
    if declared:
        shown, more = _truncated(declared, len(check_cfg.expecteds))
        names = backticked_list((ident_to_string(n, cx.edition) for n in shown), more)
        parts.expected_names = Child("help", f"expected names are: {names}")


def unexpected_value(leaf: CfgLeaf, expected: ExpectedValues, cx: LintContext) -> CfgDiagnostic:
    """rustc's `unexpected_cfg_value` (spec §6.3)."""
    parts = _Parts()
    strings = expected.strings
    has_none = None in expected.values
    if strings:
        shown, more = _truncated(strings, len(strings))
        prefix = "(none), " if has_none else ""
        parts.children.append(Child(
            "note", f"expected values for `{leaf.name}` are: {prefix}{backticked_list(shown, more)}"))
        if leaf.value is not None and leaf.value_span is not None:
            best = find_best_match(strings, leaf.value)
            if best is not None:
                parts.suggestions.append(_suggest("there is a expected value with a similar name",
                                                  leaf.value_span, f'"{best}"'))
        elif len(strings) == 1:
            end = leaf.name_span[1]
            parts.suggestions.append(_suggest("specify a config value", (end, end), f' = "{strings[0]}"'))
    elif has_none:
        parts.children.append(Child("note", f"no expected value for `{leaf.name}`"))
        if leaf.value is not None:
            parts.suggestions.append(_suggest("remove the value",
                                              (leaf.name_span[1], leaf.span[1]), ""))
    else:
        parts.children.append(Child("note", f"no expected values for `{leaf.name}`"))
        parts.suggestions.append(_suggest("remove the condition", leaf.span, ""))
    can_add = leaf.name not in cx.check_cfg.well_known_names
    if cx.mode is Mode.CARGO:
        if leaf.name == "feature":
            parts.children.append(Child("help", (
                f"consider adding `{leaf.value}` as a feature in `Cargo.toml`" if leaf.value is not None
                else "consider defining some features in `Cargo.toml`")))
        elif can_add:
            parts.children += _cargo_helps(leaf, cx)
    elif can_add:
        parts.children.append(_rustc_help(leaf, cx))
    parts.children.append(cx.doc_note)
    message = ("unexpected `cfg` condition value: (none)" if leaf.value is None
               else f"unexpected `cfg` condition value: `{leaf.value}`")
    return CfgDiagnostic(
        code="unexpected_cfgs", level="warning", what="value", message=message, span=leaf.span,
        name=leaf.name, value=leaf.value, children=tuple(parts.children),
        suggestions=tuple(parts.suggestions))


# -- what depends on emission order: lint levels and once-only children --------------

_FLAGS: dict[str, str] = {"allow": "-A", "expect": "-A", "warn": "-W", "force-warn": "--force-warn",
                          "deny": "-D", "forbid": "-F"}


def diagnostic_level(source: LintLevelSource) -> Level | None:
    """The level a finding is shown with; None when the lint is allowed or expected."""
    if source.level in ("allow", "expect"):
        return None
    return "error" if source.level in ("deny", "forbid") else "warning"


def lint_level_notes(source: LintLevelSource) -> tuple[Child, ...]:
    """rustc's `explain_lint_level_source` notes. Each is a `note_once`: rustc shows
    it only on the first diagnostic of the session that carries it (`OnceTracker`)."""
    level = source.level
    if source.origin == "default":
        return (Child("note", f"`#[{level}(unexpected_cfgs)]` on by default"),)
    if source.origin == "command_line":
        flag = _FLAGS[level]
        if source.lint_name == "unexpected_cfgs":
            return (Child("note", f"requested on the command line with `{flag} unexpected-cfgs`"),)
        given = source.lint_name.replace("_", "-")
        return (Child("note", f"`{flag} unexpected-cfgs` implied by `{flag} {given}`"),)
    notes = [Child("note", "the lint level is defined here", source.span, source.file)]
    if source.lint_name != "unexpected_cfgs":
        notes.append(Child(
            "note", f"`#[{level}(unexpected_cfgs)]` implied by `#[{level}({source.lint_name})]`"))
    return tuple(notes)


@dataclass(slots=True)
class OnceTracker:
    """rustc's `note_once`/`help_once` memory for one compilation session: a child is
    shown only the first time a diagnostic carries it (same level, text and span)."""

    seen: set[Child] = field(default_factory=set)

    def fresh(self, children: Iterable[Child]) -> tuple[Child, ...]:
        """The children not shown yet, now marked as shown."""
        out = []
        for child in children:
            if child not in self.seen:
                self.seen.add(child)
                out.append(child)
        return tuple(out)


def emit(finding: CfgDiagnostic, source: LintLevelSource, once: OnceTracker) -> CfgDiagnostic | None:
    """The finding as rustc emits it at this point of its emission order: with its
    level, the "expected names" help if no finding showed it yet (first among the
    children), and the lint-level notes not shown yet (after the plain children,
    before the suggestions). None if the lint is allowed there."""
    level = diagnostic_level(source)
    if level is None:
        return None
    head = once.fresh([finding.expected_names]) if finding.expected_names else ()
    tail = once.fresh(lint_level_notes(source))
    return finding.replace(level=level, children=head + finding.children + tail)
