"""From `check_cfg` scans to what rustc prints: the lint level of each finding, rustc's
emission order (which decides where the once-only children go), the errors cargo and
rustc give for a package's Cargo.toml and build script, and the texts for inactive
code and hovers.

Emission order (check-cfg.md §6.7): rustc buffers each lint on an AST node and emits
them while walking the expanded AST in pre-order, node by node; within a node, in the
order they were buffered (attributes during expansion, macro expansions after them);
the attribute parser's lints (`doc`/`link` cfgs) come after all of those. A finding's
key is therefore `(phase, node path, late, position)`, where the node path starts with
the path of the node holding the file's items (`FileContext.node`: () for a crate
root) and, inside a file, the index of the scan (a `Document` unit) holding it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cargo import ManifestError
from .diagnostic import CfgDiagnostic, Child
from .expected import CheckCfg
from .findings import OnceTracker, check_leaf, emit
from .levels import LintLevelSource
from .predicate import CfgLeaf, SiteKind, leaf_text
from ..document import Document, Unit
from ..model import LineIndex, Span
from ..project import Package, read_or_empty
from .fragments import Expanded, Templates
from .scan import CfgScan, Finding, InactiveCode, ModDecl, SiteInfo, scan_file
from .session import BUILD_ORIGIN, LINTS_ORIGIN, CfgSession, LevelSpec

INACTIVE_MESSAGE = "code is inactive due to #[cfg] directives"


@dataclass(frozen=True, slots=True)
class FileContext:
    """Where a file sits in its crate: the node path of the module item whose
    contents it is (() for a crate root), and the levels set above it (the command
    line's or cargo's, the crate's, the enclosing modules')."""

    node: tuple[int, ...] = ()
    levels: LevelSpec = LevelSpec()


@dataclass(frozen=True, slots=True)
class Keyed:
    """A finding at its place in the session's emission order, with its level; `tag`
    tells the caller which file it is in."""

    key: tuple[Any, ...]
    finding: Finding
    level: LintLevelSource
    tag: Any = None


@dataclass(slots=True)
class FileFindings:
    """One file's part of a session: lints to order, errors, inactive code."""

    lints: list[Keyed] = field(default_factory=list)
    errors: list[CfgDiagnostic] = field(default_factory=list)
    inactive: list[InactiveCode] = field(default_factory=list)
    #: The false `#![cfg]` that removes the whole file, if any.
    removed: InactiveCode | None = None
    #: Where each macro is first called here (an emission-order key): rustc lints a
    #: `macro_rules!` body where a call expands it (`first_calls`, `emit_session`).
    calls: dict[str, tuple[Any, ...]] = field(default_factory=dict)


def file_levels(scans: Sequence[CfgScan], outer: LevelSpec) -> LevelSpec:
    """The levels in force inside a file (its units' scans, or one scan of the whole
    file) that sits under `outer`: its inner attributes' levels."""
    levels = outer
    for scan in scans:
        if scan.levels.unexpected or scan.levels.warnings:
            levels = scan.levels.under(levels)
        if scan.removed is not None:
            break
    return levels


def child_context(context: FileContext, levels: LevelSpec, index: int, decl: ModDecl, file: str) -> FileContext:
    """Where the file a `mod x;` loads sits: under the declaring `file`'s `context`,
    whose own `levels` (`file_levels`) apply around the declaration, found in the
    file's scan number `index`. Level attributes written in `file` are marked so (a
    finding's "lint level is defined here" note points there)."""
    return FileContext((*context.node, index, *decl.node), decl.levels.under(levels).written_in(file))


def file_findings(scans: Sequence[CfgScan], context: FileContext, invoked: Iterable[str],
                  drops: Iterable[str] = (), tag: Any = None, macros: Templates | None = None,
                  src: bytes = b"") -> FileFindings:
    """The findings of a file's scans (its units in order, or one scan of the whole
    file), given where it sits; `invoked` are the macros the crate calls (a
    `macro_rules!` body counts only if its macro is called), `drops` the macros that
    drop their input (what is written in their arguments does not count). With the
    crate's `macros`, the file's calls of them (in `src`) add the cfgs they make of
    their arguments, each once (the scan may have read the same leaf in the call)."""
    out = FileFindings()
    levels = file_levels(scans, context.levels)
    kept: list[CfgScan] = []
    for scan in scans:
        kept.append(scan)
        if scan.removed is not None:  # nothing after a false `#![cfg]` counts
            out.removed = scan.removed
            break
    called, dropped = frozenset(invoked), frozenset(drops)
    seen = ({(tag, f.diag.span, f.diag.message) for scan in kept for f in scan.findings}
            if macros is not None else set())
    for index, scan in enumerate(kept):
        for call in scan.calls:
            if not call.other and not dropped.intersection(call.inside):
                at_call = (0, context.node + ((index, *call.node) if call.node else ()), True, call.args[0])
                if at_call < out.calls.get(call.name, at_call + (0,)):
                    out.calls[call.name] = at_call
        expanded = [] if macros is None or not scan.calls else _expanded(macros.expand(scan.calls, src, tag), seen)
        if not (scan.findings or scan.inactive or expanded):
            continue
        out.inactive.extend(scan.inactive)
        for finding, where in (*((finding, tag) for finding in scan.findings), *expanded):
            if (finding.macro is not None and finding.macro not in called) or dropped.intersection(finding.inside):
                continue
            if finding.diag.code == "malformed_cfg":
                out.errors.append(finding.diag.replace(other=finding.other) if finding.other else finding.diag)
                continue
            node = context.node + ((index, *finding.node) if finding.node else ())
            at = finding.diag.span[0]
            key = (finding.phase, node, finding.late, at if finding.order is None else finding.order, at)
            out.lints.append(Keyed(key, finding, finding.levels.under(levels).resolve(), where))
    return out


def _expanded(found: Iterable[Expanded], seen: set[tuple[Any, Span, str]]) -> list[tuple[Finding, Any]]:
    """What calls make of their arguments, as findings at the calls (each with the
    file it is in), each leaf once."""
    out = []
    for one in found:
        key = (one.file, one.diag.span, one.diag.message)
        if key not in seen:
            seen.add(key)
            call = one.call
            out.append((Finding(one.diag, call.node, True, 0, call.levels, None, call.inside, call.other,
                                call.args[0]), one.file))
    return out


def crate_templates(scans: Iterable[tuple[Any, CfgScan]], session: CfgSession) -> Templates:
    """The `macro_rules!` of a crate's files (each scan with its file's tag)."""
    return Templates.of(((tag, template) for tag, scan in scans for template in scan.templates), session)


def called_macros(invoked: Iterable[tuple[str, tuple[str, ...]]], drops: frozenset[str]) -> frozenset[str]:
    """The macros called (`CfgScan.invoked` of a crate's scans), except in the arguments
    of macros that drop them."""
    return frozenset(name for name, inside in invoked if not drops.intersection(inside))


def first_calls(files: Iterable[FileFindings]) -> dict[str, tuple[Any, ...]]:
    """Where each macro is first called in a session's files (`FileFindings.calls`)."""
    out: dict[str, tuple[Any, ...]] = {}
    for found in files:
        for name, key in found.calls.items():
            if name not in out or key < out[name]:
                out[name] = key
    return out


def emit_session(lints: Iterable[Keyed], calls: Mapping[str, tuple[Any, ...]]) -> list[tuple[Any, CfgDiagnostic]]:
    """rustc's output for one session's lints: in emission order, each with its
    level and the once-only children it is the first to carry; allowed ones dropped.
    A lint in a `macro_rules!` body comes where the macro's first call (`calls`,
    `first_calls`) expands it. Lints in code the active configuration removes
    (`Finding.other`) come after, as a configuration that compiles that code emits
    them (among the active ones, which may carry the once-only children before them),
    marked `other`."""
    ordered = sorted(lints, key=lambda k: (*calls[k.finding.macro], k.key[-1])
                     if k.finding.macro is not None and k.finding.macro in calls else k.key)
    active = [keyed for keyed in ordered if not keyed.finding.other]
    out = [(keyed.tag, diag) for keyed, diag in _emitted(active)]
    if len(active) < len(ordered):
        out += [(keyed.tag, diag.replace(other=keyed.finding.other))
                for keyed, diag in _emitted(ordered) if keyed.finding.other]
    unique: dict[tuple[Any, Span, str], tuple[Any, CfgDiagnostic]] = {}  # a leaf two calls make at `$x`: once
    for tag, diag in out:
        unique.setdefault((tag, diag.span, diag.message), (tag, diag))
    return list(unique.values())


def _emitted(ordered: Iterable[Keyed]) -> list[tuple[Keyed, CfgDiagnostic]]:
    once = OnceTracker()
    out = []
    for keyed in ordered:
        diag = emit(keyed.finding.diag, keyed.level, once)
        if diag is not None:
            out.append((keyed, diag))
    return out


def file_report(scans: Sequence[CfgScan], session: CfgSession, src: bytes,
                context: FileContext | None = None) -> tuple[list[CfgDiagnostic], list[InactiveCode]]:
    """One file, text `src`, as its own session (an open document, a file outside any
    crate), where `context` places it (by default: a crate root): diagnostics in
    position order, and its inactive code (all of it when a `#![cfg]` removes it)."""
    drops = frozenset().union(*(scan.drops for scan in scans if scan.drops))
    macros = crate_templates(((None, scan) for scan in scans), session)
    called = called_macros((pair for scan in scans for pair in scan.invoked), drops)
    found = file_findings(scans, context or FileContext(levels=session.spec.given), called, drops, macros=macros,
                          src=src)
    diags = [d for _, d in emit_session(found.lints, found.calls)] + found.errors
    diags.sort(key=lambda d: (d.span, d.message))
    if found.removed is not None:
        return diags, [InactiveCode((0, len(src)), found.removed.reason)]
    return diags, found.inactive


# -- what cargo rejects before compiling ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageProblem:
    """What cargo (a Cargo.toml it rejects) or rustc (a `check-cfg` entry it rejects)
    refuse before compiling: the file, its text, and the error (code "cargo_manifest")."""

    file: Path
    src: bytes
    diag: CfgDiagnostic


def package_problems(package: Package, session: CfgSession) -> list[PackageProblem]:
    """The problems of a package's Cargo.toml and build script, for `session` (whose
    specs came from them); the files are read again, to place the errors."""
    cargo = package.cargo
    if isinstance(cargo, ManifestError):
        manifest = Path(cargo.file)
        data = read_or_empty(manifest)
        index = LineIndex(data)
        lo = index.offset(min(cargo.line, len(index.starts)) - 1, cargo.column - 1, "utf-32")
        hi = lo + len(data[lo:].split(b"\n", 1)[0].rstrip())
        return [PackageProblem(manifest, data, _problem(cargo.message, (lo, max(lo, hi))))]
    problems = []
    where = {LINTS_ORIGIN: package.workspace_manifest or package.manifest, BUILD_ORIGIN: package.build_script}
    for error, origin in session.errors:
        file = where.get(origin)
        if file is None:
            continue
        data = read_or_empty(file)
        at = data.find(error.spec.encode())
        span = (at, at + len(error.spec.encode())) if at >= 0 else (0, 0)
        texts = (*((error.parse_error_note,) if error.parse_error else ()), *error.notes)
        notes = tuple(Child("note", text) for text in texts)
        problems.append(PackageProblem(file, data, _problem(error.message, span, notes)))
    return problems


def _problem(message: str, span: Span, notes: tuple[Child, ...] = ()) -> CfgDiagnostic:
    return CfgDiagnostic(code="cargo_manifest", level="error", what="malformed", message=message, span=span,
                         children=notes)


# -- texts ----------------------------------------------------------------------------


def inactive_message(code: InactiveCode) -> str:
    """rust-analyzer's inactive-code message for code a false cfg removes."""
    return f"{INACTIVE_MESSAGE}: {code.reason}" if code.reason else INACTIVE_MESSAGE


def _expectation(leaf: CfgLeaf, session: CfgSession) -> str:
    """Whether rustc expects `leaf`, and why."""
    check_cfg: CheckCfg = session.lint.check_cfg
    if not check_cfg.checking:
        return ("not checked: without a Cargo.toml or a `--check-cfg` spec rustc checks no "
                "names or values (`rustAst.checkCfg.extra` turns checking on)")
    finding = check_leaf(leaf, session.lint)
    if finding is not None:
        return f"**unexpected**: {finding.message}"
    name = leaf.name
    if name in check_cfg.well_known_names and name not in session.origins:
        where = "a well-known name"
    elif name in session.origins:
        where = f"declared by {session.origins[name]}"
    else:
        where = "expected: `cfg(any())` accepts every name"
    values = check_cfg.get(name)
    if values is not None and values.any:
        return f"expected ({where}; any value)"
    return f"expected ({where})"


def _configuration(session: CfgSession) -> str:
    spec = session.spec
    features = ", ".join(f"`{f}`" for f in spec.features) if spec.features else "none"
    return f"target `{spec.target}`, features {features}"


_EFFECT = {
    SiteKind.CFG: ("the item is compiled", "the item is removed (inactive code)"),
    SiteKind.CFG_ATTR: ("its attributes apply", "its attributes are dropped"),
    SiteKind.CFG_MACRO: ("`cfg!` expands to `true`", "`cfg!` expands to `false`"),
    SiteKind.CFG_SELECT: ("this arm may be selected", "this arm is skipped"),
    SiteKind.DOC: ("documentation only", "documentation only"),
    SiteKind.LINK: ("the library is linked", "the library is not linked"),
}


def hover_markdown(site: SiteInfo, offset: int, session: CfgSession) -> str:
    """A hover on a cfg predicate: each leaf (the one under the cursor first), whether
    rustc expects it and whether it holds for the configuration, and why; then the
    whole predicate's value and its effect."""
    active, edition = session.active, session.lint.edition
    under = [leaf for leaf in site.leaves if leaf.span[0] <= offset <= leaf.span[1]]
    leaves = under + [leaf for leaf in site.leaves if leaf not in under]
    lines = [f"**cfg predicate** · {_configuration(session)}"]
    for leaf in leaves:
        holds = (leaf.name, leaf.value) in active
        state = "enabled" if holds else "disabled"
        lines.append(f"- `{leaf_text(leaf, edition)}`: {state}; {_expectation(leaf, session)}")
    if site.holds is None:
        lines.append("rustc rejects this predicate (see the error)")
    else:
        effect = _EFFECT[site.kind][0 if site.holds else 1]
        lines.append(f"**{str(site.holds).lower()}**" + (f" ({site.why})" if site.why else "") + f": {effect}")
    lines.append(f"checked against {session.spec.toolchain.label}")
    return "  \n".join(lines)


def site_at(scans: Iterable[CfgScan], offset: int) -> SiteInfo | None:
    """The innermost cfg site whose text contains `offset`."""
    best: SiteInfo | None = None
    for scan in scans:
        for site in scan.located_sites():
            if site.span[0] <= offset <= site.span[1] and (
                    best is None or site.span[1] - site.span[0] <= best.span[1] - best.span[0]):
                best = site
    return best


__all__ = [
    "FileContext", "FileFindings", "Keyed", "PackageProblem", "called_macros", "child_context", "crate_templates",
    "emit_session", "first_calls",
    "file_findings", "file_levels", "file_report", "hover_markdown", "inactive_message", "package_problems", "site_at",
]


# -- one open Document -----------------------------------------------------------------


def document_scans(doc: Document, session: CfgSession) -> list[CfgScan]:
    """The check-cfg pass over each unit of a `Document`, in file order; cached on the
    units under `session`, so an edit rescans only the units it touched."""

    def scan(unit: Unit) -> CfgScan:
        return scan_file(doc.src, unit.inner_attrs, unit.items, session)

    return doc.unit_results("check_cfg", scan, CfgScan.shifted, inputs=session)


def document_report(doc: Document, session: CfgSession,
                    context: FileContext | None = None) -> tuple[list[CfgDiagnostic], list[InactiveCode]]:
    """A `Document`'s check-cfg diagnostics (rustc's, as one session) and inactive
    code, where `context` places it in its crate (by default: a crate root)."""
    return file_report(document_scans(doc, session), session, doc.src, context)


def document_site_at(doc: Document, session: CfgSession, offset: int) -> SiteInfo | None:
    """The cfg predicate under `offset`, for a hover (looked up in the unit there)."""
    scans = document_scans(doc, session)
    index = max(0, bisect_right(doc.starts, offset) - 1)
    return site_at(scans[index:index + 1], offset)
