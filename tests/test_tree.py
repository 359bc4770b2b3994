"""Differential tests: rust-ast's tree against rustc's, node for node.

Expected trees were recorded from rustc 1.95 (`python -m tests.bless_rustc`) for our own
cases (`data/tree/*.rs`) and for real files of Debian crates (`data/corpus/files.txt`;
the test command installs the crates, see `scripts/install_corpus.sh`). The suite needs no
rustc. Divergences that are tree-sitter-rust grammar gaps are recorded in
`data/tree/known_divergences.json` and asserted exactly, so a fix or a regression both
show up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bless_rustc import CASES, REGISTRY, case_edition, corpus_files, expected_path
from tests.difftree import Comparison, compare, load_rows, our_rows, summary

KNOWN = json.loads((CASES / "known_divergences.json").read_text())


def check(source: Path, edition: int, expected: Path) -> Comparison:
    ours, last = our_rows(source, edition)
    return compare(ours, load_rows(expected), last, source.name)


@pytest.mark.parametrize("case", sorted(CASES.glob("*.rs")), ids=lambda p: p.stem)
def test_case(case: Path) -> None:
    result = check(case, int(case_edition(case)), case.with_name(case.stem + ".rustc.json"))
    known = KNOWN.get(case.name, {})
    assert result.node_diffs == known.get("nodes", []), "\n".join(result.node_diffs)
    assert result.id_diffs == known.get("ids", []), "\n".join(result.id_diffs)


CORPUS = corpus_files()


def _corpus_available() -> bool:
    return all((REGISTRY / rel).is_file() for rel, _ in CORPUS[:1])


@pytest.mark.skipif(not _corpus_available(), reason=f"Debian crate sources not installed under {REGISTRY} "
                    "(run scripts/install_corpus.sh)")
def test_corpus_matches_rustc() -> None:
    total = Comparison()
    missing = []
    for rel, edition in CORPUS:
        source = REGISTRY / rel
        if not source.is_file():
            missing.append(rel)
            continue
        total.add(check(source, int(edition), expected_path(rel)))
    print(json.dumps(summary(total)))
    assert not missing, f"corpus files missing: {missing[:5]}"
    assert total.node_diffs == [], "\n".join(total.node_diffs[:50])
    assert total.id_diffs == [], "\n".join(total.id_diffs[:50])
