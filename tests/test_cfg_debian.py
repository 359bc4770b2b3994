"""`rust-ast check-cfg` on real crates from Debian against what cargo reported for them
(`tests/bless_debian_cfg.py` records it; the sources are installed by
`scripts/install_corpus.sh`). Each crate is linted as the driver lints a folder, with
the cargo features of its recording.

Build scripts cannot run here: the cfgs each one set for cargo are passed as
`--cfg`s, as a user would.

Every file of the crate is also compared: `src/` files the active configuration does
not compile, each compiled by rustc in a configuration that reaches it, and tests,
examples and benches as `cargo test` builds them (`CRATE.other.jsonl`), against what
`rust-ast check-cfg` reports over the whole crate.

A finding is its file, span and message. Each crate must give cargo's findings, field
for field (serde's six cfg leaves passed to `impl_deserialize_num!` as `tt` fragments
and transcribed into its `#[cfg]` among them); the figures (precision, recall,
identical rows) are printed by the command below. Whole-crate runs must also be stable (the same output serially and in
parallel) and never fail to read a file.

    python -m tests.test_cfg_debian        # prints the figures
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from ast_core.cfg.output import to_json
from ast_core.targets import parse_print_cfg
from ast_core.cfg.driver import Features, check_paths
from tests.bless_debian_cfg import DEBIAN, DEBIAN_CRATES, EVERY_FILE_CRATES
from tests.bless_rustc import REGISTRY

ALL_CRATES = {**DEBIAN_CRATES, **EVERY_FILE_CRATES}
pytestmark = pytest.mark.skipif(not all((REGISTRY / crate).is_dir() for crate in ALL_CRATES),
                                reason=f"Debian crate sources not installed under {REGISTRY} "
                                       "(scripts/install_corpus.sh)")

Key = tuple[str, tuple[int, ...], str]


def features(args: list[str]) -> Features:
    if "--all-features" in args:
        return ((), True)
    listed = args[args.index("--features") + 1] if "--features" in args else ""
    return (tuple(f for f in listed.split(",") if f), False)


def lint(crate: str, jobs: int = 1) -> dict[Key, dict[str, Any]]:
    """Our findings for the parts of a crate cargo checks: `src/` and the build script,
    in the active configuration."""
    root = REGISTRY / crate
    paths = [str(root / "src"), *([str(root / "build.rs")] if (root / "build.rs").is_file() else [])]
    cfgs = tuple(parse_print_cfg("\n".join(json.loads((DEBIAN / f"{crate}.cfgs.json").read_text()))))
    outcome = check_paths(paths, jobs=jobs, cwd=root, features=features(DEBIAN_CRATES[crate]), cfgs=cfgs,
                          active_only=True)
    assert not outcome.problems
    rows = [to_json(r.diag, r.name, r.index, r.files) for r in outcome.reported if not r.diag.other]
    return {(r["file"], tuple(r["span"]), r["message"]): r for r in rows}


def lint_all(crate: str) -> dict[Key, dict[str, Any]]:
    """Our findings over every file of a crate, in every configuration (not inside
    code a false cfg removes: the recordings compile each file in one configuration,
    which removes it too)."""
    root = REGISTRY / crate
    paths = [str(root / name) for name in ("src", "build.rs", "tests", "examples", "benches") if (root / name).exists()]
    cfgs = tuple(parse_print_cfg("\n".join(json.loads((DEBIAN / f"{crate}.cfgs.json").read_text()))))
    outcome = check_paths(paths, jobs=1, cwd=root, features=features(ALL_CRATES[crate]), cfgs=cfgs)
    assert not outcome.problems
    rows = [to_json(r.diag, r.name, r.index, r.files) for r in outcome.reported if not r.diag.other]
    return {(r["file"], tuple(r["span"]), r["message"]): r for r in rows}


def recorded_all(crate: str) -> dict[Key, dict[str, Any]]:
    """rustc's findings over every file: the active configuration's, then the others'."""
    return {**recorded(crate, "other"), **recorded(crate)}


def recorded(crate: str, part: str = "") -> dict[Key, dict[str, Any]]:
    name = f"{crate}.{part}.jsonl" if part else f"{crate}.jsonl"
    rows = [json.loads(line) for line in (DEBIAN / name).read_text().splitlines()]
    for row in rows:
        row["labels"].sort(key=lambda d: d["span"])
    return {(r["file"], tuple(r["span"]), r["message"]): r for r in rows}


def figures(every_file: bool = False) -> dict[str, Any]:
    per_crate = {}
    totals = {"ours": 0, "cargo": 0, "matched": 0, "identical": 0}
    for crate in ALL_CRATES if every_file else DEBIAN_CRATES:
        ours, theirs = (lint_all(crate), recorded_all(crate)) if every_file else (lint(crate), recorded(crate))
        matched = ours.keys() & theirs.keys()
        identical = sum(ours[k] == theirs[k] for k in matched)
        counts = {"ours": len(ours), "cargo": len(theirs), "matched": len(matched), "identical": identical}
        per_crate[crate] = counts
        for key, value in counts.items():
            totals[key] += value
    precision = totals["matched"] / totals["ours"]
    recall = totals["matched"] / totals["cargo"]
    return {"crates": per_crate, **totals, "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall),
            "identical_rows": totals["identical"] / totals["matched"]}


@pytest.mark.parametrize("crate", list(DEBIAN_CRATES))
def test_crate_findings_agree_with_cargo(crate: str) -> None:
    assert lint(crate) == recorded(crate)


def test_every_file_agrees_with_rustc() -> None:
    """Over every file of the crates, in every configuration: precision and recall
    against rustc at least 0.99."""
    found = figures(every_file=True)
    assert found["precision"] >= 0.99 and found["recall"] >= 0.99, found


def test_whole_crates_are_stable_in_parallel() -> None:
    root = REGISTRY / "tokio-1.24.2"
    serial = check_paths([str(root)], jobs=1, cwd=root)
    parallel = check_paths([str(root)], jobs=2, cwd=root)
    assert not serial.problems and not parallel.problems
    assert [(r.name, r.diag) for r in serial.reported] == [(r.name, r.diag) for r in parallel.reported]


if __name__ == "__main__":
    json.dump({"active": figures(), "every_file": figures(every_file=True)}, sys.stdout, indent=2)
    print()
