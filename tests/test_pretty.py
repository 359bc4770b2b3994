"""The pretty printer against `rustc -Zunpretty=normal`, recorded by `python -m tests.bless_autodiff`.

rustc's normal mode prints the unexpanded AST, so it is an oracle for the printer as
it is: the inputs are our tree cases (`tests/data/tree/*.rs`, except those whose
lowering is a known divergence) and printer cases (`tests/data/autodiff/pretty/*.rs`).
The comparison is token for token (the contract) and, since the line breaker is
rustc's, also character for character.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.pretty import MARGIN, Printer, crate_to_string, gather_comments
from tests.bless_autodiff import PRETTY, TREE
from tests.bless_rustc import case_edition
from tests.test_autodiff import rust_tokens

KNOWN_DIVERGENCES = set(json.loads((TREE / "known_divergences.json").read_text()))
TREE_RECORDS = sorted(p for p in (PRETTY / "tree").glob("*.normal") if f"{p.stem}.rs" not in KNOWN_DIVERGENCES)
PRINTER_CASES = sorted(PRETTY.glob("*.rs"))


def printed(source: Path) -> str:
    doc = Document(source.read_bytes(), DocumentConfig(int(case_edition(source)), target_cfg(), source))
    return crate_to_string(doc.krate, doc.src, edition=doc.config.edition)


@pytest.mark.parametrize("record", TREE_RECORDS, ids=lambda p: p.stem)
def test_tree_cases(record: Path) -> None:
    source = TREE / f"{record.stem}.rs"
    header, _, expected = record.read_text().partition("\n")
    assert header == f"// sha1 {hashlib.sha1(source.read_bytes()).hexdigest()}", \
        f"{source.name} changed: run `python -m tests.bless_autodiff`"
    ours = printed(source)
    assert rust_tokens(ours) == rust_tokens(expected)
    assert ours == expected


@pytest.mark.parametrize("source", PRINTER_CASES, ids=lambda p: p.stem)
def test_printer_cases(source: Path) -> None:
    expected = source.with_suffix(".normal").read_text()
    ours = printed(source)
    assert rust_tokens(ours) == rust_tokens(expected)
    assert ours == expected


def test_tree_cases_exist() -> None:
    """Every tree case is recorded (a new one needs `python -m tests.bless_autodiff`)."""
    recorded = {p.stem for p in (PRETTY / "tree").glob("*.normal")}
    missing = {p.stem for p in TREE.glob("*.rs")} - recorded
    assert not missing, f"not recorded: {sorted(missing)}; run `python -m tests.bless_autodiff`"


def test_breaker_consistent_box() -> None:
    """A consistent box breaks all its breaks or none; an inconsistent one fills lines."""
    def run(consistent: bool, words: int) -> str:
        p = Printer()
        p.cbox(4) if consistent else p.ibox(4)
        for i in range(words):
            if i:
                p.word(",")
                p.space()
            p.word(f"word{i:02}")
        p.end()
        return p.eof()

    assert run(True, 3) == "word00, word01, word02"
    lines = run(True, 20).split("\n")
    assert len(lines) == 20 and all(line.strip().startswith("word") for line in lines)
    filled = run(False, 20).split("\n")
    assert len(filled) == 3 and all(len(line) <= MARGIN for line in filled)


def test_trailing_comma_only_when_broken() -> None:
    def run(n: int) -> str:
        p = Printer()
        p.cbox(4)
        p.word("{")
        p.zerobreak()
        for i in range(n):
            if i:
                p.word(",")
                p.space()
            p.word(f"item{i:02}")
        p.trailing_comma()
        p.offset(-4)
        p.word("}")
        p.end()
        return p.eof()

    assert run(2) == "{item00, item01}"
    assert run(12).endswith("item11,\n}")


def test_gather_comments_styles() -> None:
    src = b"fn f() { // trailing\n    /* mixed */ x\n\n    // isolated\n}\n/// doc, not a comment\n"
    styles = [(c.style, c.lines) for c in gather_comments(src)]
    assert styles == [("Trailing", ("// trailing",)), ("Mixed", ("/* mixed */",)), ("BlankLine", ()),
                      ("Isolated", ("// isolated",))]


def test_strings_hide_comment_markers() -> None:
    assert gather_comments(b'let s = "// not a comment"; let r = r#"/* nor this */"#;') == []
