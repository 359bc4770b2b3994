"""The incremental Document equals a fresh parse of the final text, ids included
(rust-analyzer's `reparsing.rs` check against an oracle), under random edit sequences."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ast_core import syntax
from ast_core.analysis import Analysis
from ast_core.document import Document, DocumentConfig, group_units
from ast_core.lower import LowerCx
from ast_core.targets import target_cfg

CASES = sorted((Path(__file__).parent / "data" / "tree").glob("*.rs"))
FRAGMENTS = ["x", "fn g() {}", "{", "}", ";", "(", ")", "#[cfg(any())]", "#[derive(Clone)]",
             "let a = 1;", "struct S;", "mod m;", "\n", "//", "/*", "*/", '"', "é", "😀",
             "#![no_std]", "#![cfg(any())]", "impl T for U {}", "a.b(c)", "match x { _ => {} }", " "]


def fresh(text: bytes) -> str:
    return Analysis(Document(text, DocumentConfig(2021, target_cfg()))).tree_json()


def edit_at(doc: Document, where: float, length: int, fragment: str) -> int:
    """Replace `length` bytes at the fraction `where` of the text by `fragment`, on UTF-8
    boundaries as LSP positions always are; returns where the edit starts."""
    start = int(where * len(doc.src))
    while start < len(doc.src) and (doc.src[start] & 0xC0) == 0x80:
        start += 1
    end = min(len(doc.src), start + length)
    while end < len(doc.src) and (doc.src[end] & 0xC0) == 0x80:
        end += 1
    doc.edit(start, end, fragment.encode())
    return start


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
        start = edit_at(doc, where, length, fragment)
        if read:  # reading between edits exercises the lazy shifting
            doc.units_in(start, start + 1)
    assert Analysis(doc).tree_json() == fresh(doc.src)


# Files that hold repairs (`syntax.spelled` spells them otherwise), and texts that make them.
REPAIRED = sorted(path for path in (Path(__file__).parent / "data" / "syntax").glob("*.rs")
                  if syntax.repairs(path.read_bytes()))
REPAIRING = ["gen ", "become ", "default ", "auto ", "safe ", " where T: Copy", "trait A = B;", " if y)",
             "= #[a] ", "struct S { a: u8 = 1 }", ".match { _ => 1 }", "const ", "(..): Send", "try ", "..="]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(REPAIRED + CASES),
       steps=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12), st.sampled_from(FRAGMENTS + REPAIRING)),
                      min_size=1, max_size=12))
def test_the_spelled_text_is_the_whole_texts(case: Path, steps: list) -> None:
    """A re-parse spells again only the units around the edits while the syntax has no
    error (`Document._respelled`): what tree-sitter parses is still what spelling the
    whole text gives (and the places it repaired), and the model a fresh parse's."""
    doc = Document(case.read_bytes(), DocumentConfig(2024, target_cfg()))
    for where, length, fragment in steps:
        edit_at(doc, where, length, fragment)
        doc.sync()
        assert syntax.Spelled(doc._spelled, doc._places) == syntax.spelled(doc.src, 2024), doc.src
    want = Analysis(Document(doc.src, DocumentConfig(2024, target_cfg()))).tree_json()
    assert Analysis(doc).tree_json() == want


def test_edit_shifts_later_items_and_ids() -> None:
    doc = Document(b"fn a() {}\nfn b() { 1 }\n", DocumentConfig(2021, target_cfg()))
    doc.edit(8, 8, b" let x = 2; ")
    assert Analysis(doc).tree_json() == fresh(doc.src)


def full_regroup(doc: Document) -> list[tuple[int, bytes]]:
    """The units a regrouping of the whole syntax tree gives, as `(start, text)`."""
    nodes = [c for c in doc.tree.root_node.children if c.is_named]
    units = group_units(LowerCx(doc.src, 2021), nodes)
    spans = [(doc.unit_start(unit[0].start_byte), unit[-1].end_byte) for unit in units]
    return [(lo, doc.src[lo:hi]) for lo, hi in spans]


def units_now(doc: Document) -> list[tuple[int, bytes]]:
    return [(start, unit.key) for start, unit in zip(doc.starts, doc.units, strict=True)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), steps=edits)
def test_units_regrouped_near_the_edits_are_those_of_the_whole_tree(case: Path, steps: list) -> None:
    """A re-parse regroups only the units around the edits (and where error recovery
    changed the syntax); the units are still what regrouping the whole tree gives, and
    their ids what numbering them all gives."""
    doc = Document(case.read_bytes(), DocumentConfig(2021, target_cfg()))
    for where, length, fragment, read in steps:
        edit_at(doc, where, length, fragment)
        if read:
            doc.sync()
            assert units_now(doc) == full_regroup(doc)
            numbered = (list(doc.bases), doc.next_id)
            doc._rebuild(doc._reusable(doc.units))  # regroup and number everything
            assert (list(doc.bases), doc.next_id) == numbered


def test_a_semicolon_typed_before_an_item_joins_the_unit_before() -> None:
    doc = Document(b"fn e() {}\nfn f() {}\nfn g() {}\n", DocumentConfig(2021, target_cfg()))
    doc.edit(20, 20, b";")
    doc.sync()
    assert [key for _, key in units_now(doc)] == [b"fn e() {}", b"fn f() {}\n;", b"fn g() {}"]
    assert Analysis(doc).tree_json() == fresh(doc.src)


def test_an_attribute_typed_at_the_end_goes_with_the_next_item() -> None:
    doc = Document(b"fn f() {}\nfn g() {}\nfn h() {}\n", DocumentConfig(2021, target_cfg()))
    doc.edit(10, 10, b"#[cfg(any())] ")
    doc.sync()
    assert [key for _, key in units_now(doc)] == [b"fn f() {}", b"#[cfg(any())] fn g() {}", b"fn h() {}"]
    assert Analysis(doc).tree_json() == fresh(doc.src)


def test_a_repair_that_comes_or_goes_beside_an_edit_is_read_again() -> None:
    """`gen fn` is parsed as `    fn` (a same-length repair): typing inside `gen` brings
    the word back, and deleting the typo blanks it again; the unit after the repaired
    keyword must not be reused from its old text, nor the tree's tokens there."""
    text = b"fn a() {}\ngen fn counter() -> u32 { yield 1; }\nfn b() {}\n"
    doc = Document(text, DocumentConfig(2021, target_cfg()))
    doc.units_in(0, 1)
    doc.edit(11, 11, b"x")  # gxen fn: an expression statement, then a plain fn
    assert Analysis(doc).tree_json() == fresh(doc.src)
    doc.edit(11, 12, b"")  # gen fn again
    assert Analysis(doc).tree_json() == fresh(doc.src)
