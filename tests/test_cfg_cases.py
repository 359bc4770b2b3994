"""The check-cfg layer against rustc's and cargo's recordings (made by
`tests/bless_cfg.py`): single files under `tests/data/cfg/cases/` with their
`.rustc.jsonl`, and small crates under `tests/data/cfg/crates/` with `expected.jsonl`.

The AST pass that finds cfg sites comes later, so this file finds them with a small
token scan of the case files (test-only): `#[cfg(..)]`, `#![cfg(..)]`, `#[cfg_attr(..)]`
and `cfg!(..)`, items removed by a false `#[cfg]` skipped, a true `cfg_attr`'s
attributes examined in turn. rustc's emission order is approximated by nesting depth,
then position, which is right for these cases (see `emission_order.rs`).
"""

from __future__ import annotations

import json
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ast_core.cfg.cargo import CargoPackage, ManifestError, build_script_check_cfgs, read_manifest
from ast_core.cfg.diagnostic import CfgDiagnostic
from ast_core.cfg.expected import build_check_cfg
from ast_core.cfg.findings import (
    LintContext, LintLevelSource, Mode, OnceTracker, check_leaf, emit,
)
from ast_core.cfg.predicate import (
    AttrStyle, CfgSite, SiteKind, eval_predicate, parse_cfg, parse_cfg_attr,
)
from ast_core.cfg.targets import target_cfg
from ast_core.model.span import LineIndex, Span
from ast_core.tokens import Token, tokenize
from tests.bless_cfg import CASES, CRATES, case_headers

LEVELS = ("allow", "warn", "deny", "forbid", "expect")


@dataclass
class Scan:
    """What the test scan found in one case file."""

    data: bytes
    tokens: list[Token]
    depth: list[int]                       # delimiter nesting depth before each token
    findings: list[tuple[int, CfgDiagnostic]] = field(default_factory=list)  # (depth, ..)
    errors: list[CfgDiagnostic] = field(default_factory=list)
    allowed: list[Span] = field(default_factory=list)   # bodies of `#[allow(unexpected_cfgs)] mod`
    crate_level: LintLevelSource | None = None


def nesting(tokens: list[Token]) -> list[int]:
    depth, out = 0, []
    for tok in tokens:
        depth -= tok.kind == "close"
        out.append(depth)
        depth += tok.kind == "open"
    return out


def group_end(tokens: list[Token], i: int) -> int:
    """Index after the group opened at `i`."""
    level = 0
    for j in range(i, len(tokens)):
        level += tokens[j].kind == "open"
        level -= tokens[j].kind == "close"
        if level == 0:
            return j + 1
    return len(tokens)


def item_end(tokens: list[Token], i: int) -> int:
    """Index after the item, field, statement or arm starting at `i`."""
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "close":
            return i
        if tok.text in (";", ","):
            return i + 1
        if tok.kind == "open":
            end = group_end(tokens, i)
            if tok.text == "{":
                return end
            i = end
            continue
        i += 1
    return i


class Linter:
    def __init__(self, scan: Scan, cx: LintContext, active: frozenset) -> None:
        self.scan, self.cx, self.active = scan, cx, active

    def report(self, parsed, depth: int) -> None:
        self.scan.errors += parsed.errors
        for leaf in parsed.leaves:
            finding = check_leaf(leaf, self.cx)
            if finding is not None:
                self.scan.findings.append((depth, finding))

    def site(self, site: CfgSite, depth: int) -> bool:
        """Lint one site; False if it removes its item."""
        if site.kind is SiteKind.CFG_ATTR:
            parsed = parse_cfg_attr(self.scan.data, site, self.cx.edition)
            self.report(parsed, depth)
            if parsed.predicate is None or not eval_predicate(parsed.predicate, self.active):
                return True
            for item in parsed.attrs:
                nested = parsed.nested_site(item, site)
                if nested is not None and not self.site(nested, depth):
                    return False
            return True
        parsed = parse_cfg(self.scan.data, site, self.cx.edition)
        self.report(parsed, depth)
        return parsed.predicate is None or eval_predicate(parsed.predicate, self.active)


def attribute_at(tokens: list[Token], i: int) -> tuple[CfgSite | None, int, Token | None] | None:
    """The attribute starting at token `i` (`#`): its cfg site if it is one, the index
    after it, and its path token."""
    if tokens[i].text != "#":
        return None
    j = i + 1
    inner = j < len(tokens) and tokens[j].text == "!"
    j += inner
    if j >= len(tokens) or tokens[j].text != "[":
        return None
    end = group_end(tokens, j)
    close = tokens[end - 1]
    path = tokens[j + 1] if j + 1 < end - 1 else None
    site = None
    if path is not None and path.text in ("cfg", "cfg_attr"):
        k = j + 2
        args: Span | None = None
        if k < end - 1 and tokens[k].kind == "open":
            args = (tokens[k].lo, tokens[group_end(tokens, k) - 1].hi)
        elif k < end - 1:
            args = (tokens[k].lo, tokens[end - 2].hi)
        kind = SiteKind.CFG if path.text == "cfg" else SiteKind.CFG_ATTR
        style = AttrStyle.INNER if inner else AttrStyle.OUTER
        site = CfgSite(kind, (tokens[i].lo, close.hi), args, style)
    return site, end, path


def level_attr(tokens: list[Token], path: Token | None, start: int, end: int) -> LintLevelSource | None:
    """`#![deny(warnings)]` and friends, when they name unexpected_cfgs or warnings."""
    if path is None or path.text not in LEVELS:
        return None
    for tok in tokens[start:end]:
        if tok.text in ("unexpected_cfgs", "warnings"):
            return LintLevelSource(path.text, "attribute", tok.text, tok.span)  # type: ignore[arg-type]
    return None


def scan_text(data: bytes, cx: LintContext, active: frozenset) -> Scan:
    """Lint every cfg site the test scan finds in one file."""
    tokens = tokenize(data)
    scan = Scan(data, tokens, nesting(tokens))
    linter = Linter(scan, cx, active)
    i = 0
    while i < len(tokens):
        if attribute_at(tokens, i) is not None:
            i = scan_attributes(scan, linter, i)
            continue
        tok = tokens[i]
        if (tok.text == "cfg" and i + 2 < len(tokens) and tokens[i + 1].text == "!"
                and tokens[i + 2].kind == "open"):
            end = group_end(tokens, i + 2)
            site = CfgSite(SiteKind.CFG_MACRO, (tok.lo, tokens[end - 1].hi),
                           (tokens[i + 2].lo, tokens[end - 1].hi))
            linter.site(site, scan.depth[i])
            i = end
            continue
        i += 1
    return scan


def scan_attributes(scan: Scan, linter: Linter, i: int) -> int:
    """A run of attributes at token `i`; returns where scanning goes on."""
    tokens = scan.tokens
    keep, allow_mod = True, False
    while (found := attribute_at(tokens, i)) is not None:
        site, end, path = found
        inner = tokens[i + 1].text == "!"
        level = level_attr(tokens, path, i, end)
        if level is not None and inner and scan.depth[i] == 0:
            scan.crate_level = level
        elif level is not None and level.level == "allow":
            allow_mod = True
        if site is not None and keep:
            keep = linter.site(site, scan.depth[i])
        i = end
        if inner:
            return i
    if not keep:
        return item_end(tokens, i)
    if allow_mod:
        for j in range(i, len(tokens)):
            if tokens[j].text == "{":
                scan.allowed.append((tokens[j].lo, tokens[group_end(tokens, j) - 1].hi))
                break
    return i


def level_source(scan: Scan, given: LintLevelSource, span: Span) -> LintLevelSource:
    """The level at `span`: an allowing module, the crate attribute, or `given`
    (the command line's or rustc's default)."""
    if any(lo <= span[0] < hi for lo, hi in scan.allowed):
        return LintLevelSource("allow", "attribute")
    return scan.crate_level or given


def flags_level(flags: list[str]) -> LintLevelSource:
    """The level `-D unexpected_cfgs`, `--warn=warnings` and the like set."""
    for k, flag in enumerate(flags):
        option, _, value = flag.partition("=")
        if not value and k + 1 < len(flags):
            value = flags[k + 1]
        level = {"-D": "deny", "--deny": "deny", "-W": "warn", "--warn": "warn",
                 "-A": "allow", "--allow": "allow"}.get(option)
        if level and value in ("unexpected_cfgs", "warnings"):
            return LintLevelSource(level, "command_line", value)  # type: ignore[arg-type]
    return LintLevelSource()


def to_json(diag: CfgDiagnostic, file: str, index: LineIndex) -> dict[str, Any]:
    def span(s: Span) -> list[int]:
        return [*index.line_col(s[0]), *index.line_col(s[1])]

    children = []
    for child in diag.children:
        entry: dict[str, Any] = {"level": child.level, "message": child.message}
        if child.span is not None:
            entry["span"] = span(child.span)
        children.append(entry)
    return {
        "file": file, "span": span(diag.span), "code": diag.code, "level": diag.level,
        "what": diag.what, "name": diag.name, "value": diag.value, "message": diag.message,
        "children": children,
        "suggestions": [{"message": s.message, "applicability": s.applicability,
                         "edits": [{"span": span(e.span), "replacement": e.replacement}
                                   for e in s.edits]} for s in diag.suggestions],
        "rustc_code": diag.rustc_code,
        "labels": sorted(({"span": span(label.span), "label": label.message} for label in diag.labels),
                         key=lambda d: d["span"]),
    }


def emitted_rows(scan: Scan, file: str, given: LintLevelSource) -> list[dict[str, Any]]:
    """One rustc session's output for the file: findings in (approximate) emission
    order through `emit`, errors as they are; then in the recorded order."""
    once = OnceTracker()
    ordered = sorted(scan.findings, key=lambda f: (f[0], f[1].span))
    emitted = [d for _, f in ordered
               if (d := emit(f, level_source(scan, given, f.span), once)) is not None]
    index = LineIndex(scan.data)
    return [to_json(d, file, index) for d in [*scan.errors, *emitted]]


def sort_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["file"], r["span"], r["message"]))


def lint_case(path: Path) -> list[dict[str, Any]]:
    text = path.read_text()
    headers = case_headers(text)
    check_cfg, errors = build_check_cfg(headers.get("check-cfg", []))
    assert not errors
    cargo = headers.get("mode", [""])[0] == "cargo"
    cx = LintContext(check_cfg, Mode.CARGO if cargo else Mode.RUSTC,
                     headers.get("crate-name", [None])[0])
    scan = scan_text(text.encode(), cx, target_cfg())
    given = flags_level(shlex.split(" ".join(headers.get("flags", []))))
    return sort_rows(emitted_rows(scan, path.name, given))


def recorded(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.with_name(path.stem + ".rustc.jsonl").read_text().splitlines()]
    for row in rows:
        row["labels"].sort(key=lambda d: d["span"])
    return rows


@pytest.mark.parametrize("case", sorted(CASES.glob("*.rs")), ids=lambda p: p.stem)
def test_case_matches_rustc(case: Path) -> None:
    assert lint_case(case) == recorded(case)


def package_rows(root: Path, manifest: Path, workspace: str | None) -> list[dict[str, Any]]:
    """What cargo reports for one package: its build script, then its library."""
    rel = manifest.parent.relative_to(root)
    package = read_manifest(manifest.read_text(), str(rel / "Cargo.toml"), workspace=workspace)
    if isinstance(package, ManifestError):
        return [manifest_row(package)]
    assert isinstance(package, CargoPackage)
    active = target_cfg() | {("feature", f) for f in package.enabled_features()}
    given = package.lint.level_source
    rows = []
    build_rs = manifest.parent / "build.rs"
    build_specs: list[str] = []
    if build_rs.exists():
        build_specs = build_script_check_cfgs(build_rs.read_text())
        check_cfg, errors = build_check_cfg(package.check_cfg_args())
        assert not errors
        cx = LintContext(check_cfg, Mode.CARGO, "build_script_build", package.edition)
        rows += emitted_rows(scan_text(build_rs.read_bytes(), cx, active), str(rel / "build.rs"), given)
    check_cfg, errors = build_check_cfg(package.check_cfg_args(build_specs))
    assert not errors
    cx = LintContext(check_cfg, Mode.CARGO, package.name, package.edition)
    lib = manifest.parent / "src" / "lib.rs"
    rows += emitted_rows(scan_text(lib.read_bytes(), cx, active), str(rel / "src" / "lib.rs"), given)
    return rows


def manifest_row(err: ManifestError) -> dict[str, Any]:
    """A manifest error in the recorded shape; cargo underlines the whole line."""
    return {"file": err.file, "span": [err.line, err.column], "code": "cargo_manifest",
            "level": "error", "what": "malformed", "name": None, "value": None,
            "message": err.message, "children": [], "suggestions": [], "rustc_code": None,
            "labels": []}


def lint_crate(crate: Path) -> list[dict[str, Any]]:
    root_text = (crate / "Cargo.toml").read_text()
    members = tomllib.loads(root_text).get("workspace", {}).get("members")
    if members:
        rows = [row for member in members
                for row in package_rows(crate, crate / member / "Cargo.toml", root_text)]
    else:
        rows = package_rows(crate, crate / "Cargo.toml", None)
    return sort_rows(rows)


def recorded_crate(crate: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (crate / "expected.jsonl").read_text().splitlines()]
    for row in rows:
        row["labels"].sort(key=lambda d: d["span"])
        if row["code"] == "cargo_manifest":
            row["span"] = row["span"][:2]
    return rows


@pytest.mark.parametrize("crate", sorted(p for p in CRATES.iterdir() if p.is_dir()),
                         ids=lambda p: p.name)
def test_crate_matches_cargo(crate: Path) -> None:
    assert lint_crate(crate) == recorded_crate(crate)
