"""The check-cfg pass against rustc's and cargo's recordings (made by
`tests/bless_cfg.py`): single files under `tests/data/cfg/cases/` with their
`.rustc.jsonl`, and small crates under `tests/data/cfg/crates/` with `expected.jsonl`.

Cases run the AST pass (`ast_core.cfg.scan`) on each file as its own rustc
session, with the arguments its header names; crates run the `rust-ast check-cfg`
driver over the crate folder. Each must give rustc's rows exactly (file, span, code,
level, what, name, value, message, children, suggestions, and rustc's error code and
labels). rustc reports a cfg in a `macro_rules!` body once per expansion; INTERFACE.md
asks for one report, so recordings are compared without repeats. `test_agreement` measures precision and
recall of findings (same file, span and code) and the share of identical messages:

    python -m tests.test_cfg_cases        # prints the figures
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from ast_core.cfg.findings import Mode
from ast_core.cfg.levels import LintLevelSource
from ast_core.cfg.output import to_json
from ast_core.cfg.driver import check_paths
from ast_core.lower import lower_file
from ast_core.model.span import LineIndex
from ast_core.cfg.report import file_report
from ast_core.cfg.scan import scan_file
from ast_core.cfg.session import LevelSpec, SessionSpec, build_session
from tests.bless_cfg import CASES, CRATES, case_headers

Row = dict[str, Any]
_FLAG_LEVELS = {"-D": "deny", "--deny": "deny", "-W": "warn", "--warn": "warn", "-A": "allow", "--allow": "allow"}


def flags_level(flags: list[str]) -> LevelSpec:
    """The levels `-D unexpected_cfgs`, `--warn=warnings` and the like set."""
    spec = LevelSpec()
    for k, flag in enumerate(flags):
        option, _, value = flag.partition("=")
        if not value and k + 1 < len(flags):
            value = flags[k + 1]
        level = _FLAG_LEVELS.get(option)
        if level and value == "unexpected_cfgs":
            spec = LevelSpec(LintLevelSource(level, "command_line"), spec.warnings)  # type: ignore[arg-type]
        elif level and value == "warnings":
            spec = LevelSpec(spec.unexpected, LintLevelSource(level, "command_line", "warnings"))  # type: ignore[arg-type]
    return spec


def sort_rows(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r["file"], r["span"], r["message"]))


def case_session(text: str) -> SessionSpec:
    headers = case_headers(text)
    return SessionSpec(
        specs=tuple((spec, "--check-cfg") for spec in headers.get("check-cfg", [])),
        mode=Mode.CARGO if headers.get("mode", [""])[0] == "cargo" else Mode.RUSTC,
        crate_name=headers.get("crate-name", [None])[0],
        given=flags_level(shlex.split(" ".join(headers.get("flags", [])))))


def lint_case(path: Path, other: bool = False) -> list[Row]:
    """The pass's rows for one case file, linted as rustc's one session: those of the
    active configuration, or (`other`) those in code it removes."""
    src = path.read_bytes()
    spec = case_session(src.decode())
    session = build_session(spec)
    assert not session.errors
    items, inner = lower_file(src, spec.edition)
    diags, _ = file_report([scan_file(src, inner, items, session)], session, src)
    index = LineIndex(src)
    return sort_rows([to_json(diag, path.name, index) for diag in diags if bool(diag.other) == other])


def recorded(path: Path) -> list[Row]:
    """A recording's rows, each finding once (the first, with its once-only notes)."""
    rows: dict[tuple[str, tuple[int, ...], str], Row] = {}
    for line in path.read_text().splitlines():
        row = json.loads(line)
        row["labels"].sort(key=lambda d: d["span"])
        rows.setdefault((row["file"], tuple(row["span"]), row["message"]), row)
    return list(rows.values())


def lint_crate(crate: Path) -> list[Row]:
    """What `rust-ast check-cfg CRATE` reports, run in the crate's folder; cargo's
    manifest errors are compared by line and column (cargo underlines differently)."""
    outcome = check_paths([str(crate)], jobs=1, cwd=crate)
    assert not outcome.problems
    rows = [to_json(r.diag, r.name, r.index, r.files) for r in outcome.reported]
    for row in rows:
        if row["code"] == "cargo_manifest":
            row["span"] = row["span"][:2]
    return sort_rows(rows)


def recorded_crate(crate: Path) -> list[Row]:
    rows = recorded(crate / "expected.jsonl")
    for row in rows:
        if row["code"] == "cargo_manifest":
            row["span"] = row["span"][:2]
    return rows


CASE_FILES = sorted(CASES.glob("*.rs"))
CRATE_DIRS = sorted(p for p in CRATES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.stem)
def test_case_matches_rustc(case: Path) -> None:
    assert lint_case(case) == recorded(case.with_name(case.stem + ".rustc.jsonl"))


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.stem)
def test_removed_code_matches_rustc_in_a_configuration_that_compiles_it(case: Path) -> None:
    """Findings inside code the case's configuration removes: what rustc reports, with
    the case's `// other:` arguments, beyond what it reports without them (none
    without such a recording)."""
    recording = case.with_name(case.stem + ".other.rustc.jsonl")
    want: list[Row] = []
    if recording.exists():
        active = {(tuple(row["span"]), row["message"]) for row in recorded(case.with_name(case.stem + ".rustc.jsonl"))}
        want = [row for row in recorded(recording) if (tuple(row["span"]), row["message"]) not in active]
        assert want, f"{recording.name} records nothing beyond the active configuration"
    assert lint_case(case, other=True) == want


@pytest.mark.parametrize("crate", CRATE_DIRS, ids=lambda p: p.name)
def test_crate_matches_cargo(crate: Path) -> None:
    assert lint_crate(crate) == recorded_crate(crate)


def agreement() -> dict[str, float]:
    """Precision and recall of findings against the recordings (a finding is its
    file, span and code), F1, and the share of matched findings whose message is
    identical and whose whole row is identical."""
    pairs = [(lint_case(c), recorded(c.with_name(c.stem + ".rustc.jsonl"))) for c in CASE_FILES]
    pairs += [(lint_crate(c), recorded_crate(c)) for c in CRATE_DIRS]
    ours = theirs = matched = same_message = same_row = 0
    for got, want in pairs:
        by_key = {(r["file"], tuple(r["span"]), r["code"]): r for r in want}
        ours += len(got)
        theirs += len(want)
        for row in got:
            expected = by_key.pop((row["file"], tuple(row["span"]), row["code"]), None)
            if expected is not None:
                matched += 1
                same_message += row["message"] == expected["message"]
                same_row += row == expected
    precision = matched / ours if ours else 1.0
    recall = matched / theirs if theirs else 1.0
    return {"findings": theirs, "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "identical_messages": same_message / matched if matched else 1.0,
            "identical_rows": same_row / matched if matched else 1.0}


def test_agreement() -> None:
    figures = agreement()
    assert figures["f1"] >= 0.99 and figures["identical_messages"] >= 0.95, figures


if __name__ == "__main__":
    json.dump(agreement(), sys.stdout, indent=2)
    print()
