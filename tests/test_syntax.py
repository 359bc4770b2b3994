"""All the syntax rustc 1.95 parses, against rustc: never a wrong NodeId.

`data/syntax/*.rs` are small files covering the syntax of every edition and the
unstable syntax behind `#![feature]`; `NAME.rustc.json` beside each is rustc's tree
and errors (recorded by `python -m tests.bless_syntax`; no rustc needed here).

- Every id rust-ast prints is rustc's: on a node that aligns with rustc's (class,
  kind, span), the same number; a node rustc does not have prints no id. Where
  tree-sitter could not read the code, nodes from there on say
  `"no_id": "unreadable"` instead.
- Node recall (rustc's nodes found with the same class, kind and span) is printed per
  group and held at a floor.
- Breaking a readable file (a hypothesis property): ids before the break stay
  rustc's, ids from there on are null.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ast_core.analysis import Analysis
from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.model import LineIndex
from ast_core.passes.hover import hover_markdown
from tests.difftree import Row, compare, flatten

DATA = Path(__file__).parent / "data" / "syntax"
SOURCES = sorted(DATA.glob("*.rs"))


def recording(source: Path) -> dict:
    record = json.loads(source.with_name(source.stem + ".rustc.json").read_text(encoding="utf-8"))
    if record["rows"] is not None:
        record["rows"] = [(r[0], r[1], r[2], tuple(r[3]) if r[3] else None, r[4],
                           tuple(sorted(r[5].items())) if r[5] else None, False) for r in record["rows"]]
    return record


def gated(source: Path) -> bool:
    return b"#![feature(" in source.read_bytes()


def ours(src: bytes, edition: int) -> tuple[list[Row], Analysis]:
    analysis = Analysis(Document(src, DocumentConfig(edition, target_cfg())))
    return flatten(analysis.json_obj()), analysis


@dataclass
class Figures:
    files: int = 0
    nodes: int = 0
    matched: int = 0
    ids_shown: int = 0
    ids_right: int = 0
    unreadable: int = 0

    def add(self, other: Figures) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def recall(self) -> float:
        return 100 * self.matched / max(1, self.nodes)

    def line(self, name: str) -> str:
        return (f"{name:<16} files {self.files:>4}  nodes {self.nodes:>6}  recall {self.recall():7.3f}%  "
                f"ids shown {self.ids_shown:>6}  wrong {self.ids_shown - self.ids_right}  "
                f"unreadable {self.unreadable}")


def wrong_ids(mine: list[Row], ref: list[Row]) -> tuple[Figures, list[str]]:
    """Figures for one file, and each printed id that is not rustc's: on an aligned
    node, a different number; on a node rustc does not have, any number."""
    figures = Figures(files=1, nodes=len(ref))
    result = compare(mine, ref, 1 << 40)
    figures.matched = result.matched
    wrong: list[str] = []
    ref_by_key: dict[tuple, list[Row]] = defaultdict(list)
    for row in ref:
        ref_by_key[row[:4]].append(row)
    for row in mine:
        figures.unreadable += row[6]
        shown = [(slot, value) for slot, value in (("id", row[4]), *(row[5] or ())) if value is not None]
        if not shown:
            continue
        candidates = ref_by_key.get(row[:4], [])
        for slot, value in shown:
            figures.ids_shown += 1
            if any((r[4] if slot == "id" else dict(r[5] or ()).get(slot)) == value for r in candidates):
                figures.ids_right += 1
            else:
                wrong.append(f"{slot} {value} on {row[1]}::{row[2]} {row[3]}")
    return figures, wrong


def measure(source: Path) -> tuple[Figures, list[str]] | None:
    record = recording(source)
    if record["rows"] is None:
        return None
    mine, _ = ours(source.read_bytes(), int(record["edition"]))
    return wrong_ids(mine, record["rows"])


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_no_wrong_id(source: Path) -> None:
    measured = measure(source)
    if measured is None:
        pytest.skip("rustc prints no tree for this file (its errors are checked elsewhere)")
    assert measured[1] == []


# rustc's edition errors that its parser gives and tree-sitter does not
EDITION_ERRORS = ("extern blocks must be unsafe", "expected identifier, found reserved keyword `gen`",
                  "expected expression, found reserved keyword `gen`")


GROUPS = ("stable", "gated")
# the recall each group reaches now (class, kind and span of rustc's nodes)
RECALL_FLOOR = {"stable": 100.0, "gated": 99.3}


def group_of(source: Path) -> str:
    """"gated" (unstable syntax behind `#![feature]`), "stable", or "edition error"
    (code rustc rejects for its edition: its tree is rustc's recovery)."""
    if any(e[0] in EDITION_ERRORS for e in recording(source)["rustc_errors"]):
        return "edition error"
    return "gated" if gated(source) else "stable"


def test_recall_per_group() -> None:
    groups: dict[str, Figures] = defaultdict(Figures)
    for source in SOURCES:
        measured = measure(source)
        if measured is None:
            continue
        group = group_of(source)
        for key in (group, f"{group} {recording(source)['edition']}"):
            groups[key].add(measured[0])
    for key in sorted(groups):
        print(groups[key].line(key))
    for group in GROUPS:
        assert groups[group].ids_shown == groups[group].ids_right
        assert groups[group].recall() >= RECALL_FLOOR[group], groups[group].line(group)


@pytest.mark.parametrize("source", [s for s in SOURCES if recording(s)["edition"] == "2024"],
                         ids=lambda p: p.stem)
def test_edition_errors_as_rustc(source: Path) -> None:
    record = recording(source)
    _, analysis = ours(source.read_bytes(), 2024)
    index = analysis.doc.index
    mine = [[e.message, *index.rustc_span(e.span)[:2]] for e in analysis.doc.errors if e.message in EDITION_ERRORS]
    assert mine == [e for e in record["rustc_errors"] if e[0] in EDITION_ERRORS]


def test_edition_errors_are_covered() -> None:
    found = {e[0] for s in SOURCES for e in recording(s)["rustc_errors"]}
    assert set(EDITION_ERRORS) <= found


# -- code that cannot be read ---------------------------------------------------------


def _readable(source: Path) -> bool:
    measured = measure(source)
    return (measured is not None and group_of(source) == "stable" and measured[0].unreadable == 0
            and measured[0].matched == measured[0].nodes)


READABLE = [s for s in SOURCES if _readable(s)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_unreadable_code_shows_no_guessed_id(data: st.DataObject) -> None:
    """Break one character of a file rust-ast reads exactly (a `$`, which tree-sitter
    cannot read outside a macro): every id still shown is the id rustc gives that node
    in the unbroken file, and no node after the break has one."""
    source = data.draw(st.sampled_from(READABLE), label="file")
    src = source.read_bytes()
    spots = [i for i in range(src.index(b"\n") + 1, len(src)) if src[i] < 128 and src[i] not in b" \n"]
    at = data.draw(st.sampled_from(spots), label="offset")
    broken = src[:at] + b"$" + src[at + 1:]
    mine, analysis = ours(broken, int(recording(source)["edition"]))
    if not any(e.unreadable for e in analysis.doc.errors):
        return  # `$` in a string, comment or token tree: still readable
    line, col = LineIndex(broken).rustc_span((at, at))[:2]
    original = {(r[1], r[2], r[3][:2] if r[3] else None, r[4]) for r in recording(source)["rows"]}
    for row in mine:
        if row[4] is None or row[1] == "Crate":  # the crate root is 0 whatever follows
            continue
        assert (row[1], row[2], row[3][:2] if row[3] else None, row[4]) in original, row
        assert row[3] is None or (row[3][0], row[3][1]) < (line, col), row


def test_ids_come_back_when_the_code_reads_again() -> None:
    src = b"fn a() { let x = 1; }\nfn b() { let y = 2 + ; }\nfn c() {}\n"
    doc = Document(src, DocumentConfig(2021, target_cfg()))
    analysis = Analysis(doc)
    tree = analysis.json_obj()
    assert tree["unreadable"] == [[2, 21, 2, 21]]
    items = tree["children"]
    assert [item["id"] for item in items] == [7, 13, None]
    assert items[2]["no_id"] == "unreadable"
    assert json.loads(analysis.tree_json())["unreadable"] == [[2, 21, 2, 21]]
    fn_c = analysis.nodes_at(src.index(b"fn c"))
    assert "could not be read" in hover_markdown(fn_c, doc.index, "x.rs", analysis.extent, analysis.no_id_reasons)
    doc.edit(src.index(b"+ ;"), src.index(b"+ ;") + 3, b"+ 3;")  # typing goes on
    analysis = Analysis(doc)
    tree = analysis.json_obj()
    assert "unreadable" not in tree
    assert [item["id"] for item in tree["children"]] == [7, 13, 21]  # as rustc numbers the fixed file


def test_repaired_keywords_in_comments_and_literals_are_text() -> None:
    """`become` in a doc comment, a comment or a string is no syntax to find (hashbrown's
    map.rs lost its ids after `/// ... may become corrupted`)."""
    src = b'/// may become corrupted\nfn f() {\n    // we become x\n    let s = "become y";\n}\n'
    doc = Document(src, DocumentConfig(2021, target_cfg()))
    assert doc.errors == []


def test_blanked_text_keeps_comments_and_strings() -> None:
    """A repair never blanks a line break, a quote or a comment's end: a `= #[` in a
    comment leaves the next line code, a ` if ` in a string leaves the string whole."""
    src = (b'// let x = #[a]\nfn f() {}\n#[deprecated(note = "see pull/1316 if you\'re using \\\n this")]\n'
           b'struct S { a: &\'static str, /* b = 1, */ c: u8 }\nfn g() {}\n')
    doc = Document(src, DocumentConfig(2021, target_cfg()))
    assert doc.errors == []
    assert [item["kind"] for item in Analysis(doc).json_obj()["children"]] == ["Fn", "Struct", "Fn"]


# Texts typed byte by byte: each repair comes (or goes) as its syntax is completed.
TYPED = [
    b"trait A = B;\nreuse m::f as g;\nconst C<T>: u8 = 1 where T: Copy;\n",
    b"struct S { a: u8 = 1, b: u8 }\nfn f<T: Tr<m(..): Send>>() where #[cfg(all())] T: Copy {}\n",
    b"fn f(x: Option<u8>) { let c = #[a] 1 + 2; match x { Some(box y if y > 1) => {} _ => {} } }\n",
    b"fn g(v: u8) -> usize { let d = const move || v.match { 0 => 1, _ => 2 }; builtin # offset_of(S, a) }\n"
    b"unsafe extern \"C\" { pub type P; }\n",
]


@pytest.mark.parametrize("text", TYPED, ids=range(len(TYPED)))
def test_repairs_follow_typing(text: bytes) -> None:
    """After each keystroke, the document (re-parsed incrementally) is what a fresh
    parse of its text gives."""
    doc = Document(b"", DocumentConfig(2024, target_cfg()))
    for at in range(len(text)):
        doc.edit(at, at, text[at:at + 1])
        got = Analysis(doc).tree_json()
        want = Analysis(Document(doc.src, DocumentConfig(2024, target_cfg()))).tree_json()
        assert got == want, doc.src
