"""The incremental Document equals a fresh parse of the final text, ids included
(rust-analyzer's `reparsing.rs` check against an oracle), under random edit sequences."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ast_core.analysis import Analysis
from ast_core.document import Document, DocumentConfig
from ast_core.cfg.targets import target_cfg

CASES = sorted((Path(__file__).parent / "data" / "tree").glob("*.rs"))
FRAGMENTS = ["x", "fn g() {}", "{", "}", ";", "(", ")", "#[cfg(any())]", "#[derive(Clone)]",
             "let a = 1;", "struct S;", "mod m;", "\n", "//", "/*", "*/", '"', "é", "😀",
             "#![no_std]", "#![cfg(any())]", "impl T for U {}", "a.b(c)", "match x { _ => {} }", " "]


def fresh(text: bytes) -> str:
    return Analysis(Document(text, DocumentConfig(2021, target_cfg()))).tree_json()


edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12), st.sampled_from(FRAGMENTS),
                           st.booleans()), min_size=1, max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), steps=edits)
# tree-sitter recovers from these errors differently with and without the old tree
@example(case=CASES[[c.name for c in CASES].index("edition2024.rs")],
         steps=[(0.0, 0, "x", False), (1.0, 0, "#[cfg(any())]", False), (0.75, 6, "x", False),
                (0.375, 0, "#[cfg(any())]", False), (0.0, 0, "match x { _ => {} }", False),
                (0.5625, 8, ";", False)])
def test_random_edits_match_a_fresh_parse(case: Path, steps: list) -> None:
    text = case.read_bytes()
    doc = Document(text, DocumentConfig(2021, target_cfg()))
    for where, length, fragment, read in steps:
        start = int(where * len(doc.src))
        # keep edits on UTF-8 boundaries, as LSP positions always are
        while start < len(doc.src) and (doc.src[start] & 0xC0) == 0x80:
            start += 1
        end = min(len(doc.src), start + length)
        while end < len(doc.src) and (doc.src[end] & 0xC0) == 0x80:
            end += 1
        doc.edit(start, end, fragment.encode())
        if read:  # reading between edits exercises the lazy shifting
            doc.units_in(start, start + 1)
    assert Analysis(doc).tree_json() == fresh(doc.src)


def test_edit_shifts_later_items_and_ids() -> None:
    doc = Document(b"fn a() {}\nfn b() { 1 }\n", DocumentConfig(2021, target_cfg()))
    doc.edit(8, 8, b" let x = 2; ")
    assert Analysis(doc).tree_json() == fresh(doc.src)
