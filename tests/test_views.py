"""What the editor features show of the model: the text tree's lines, subtree JSON,
hover text and document symbols."""

from __future__ import annotations

import json

from ast_core.analysis import Analysis
from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.passes.hover import hover_markdown, id_text
from ast_core.passes.symbols import document_symbols
from ast_core.render import to_json_obj, tree_json


def analysis(text: bytes) -> Analysis:
    return Analysis(Document(text, DocumentConfig(2021, target_cfg())))


def tree_lines(text: bytes) -> list[str]:
    return [line.strip() for line in analysis(text).tree_text().splitlines()]


# -- the text tree ---------------------------------------------------------------------


def test_extra_ids_show_when_assigned() -> None:
    lines = tree_lines(b"async fn f() -> impl Sized {}\n")
    assert "CoroutineKind::Async #8 (return_impl_trait_id=#9)" in lines
    assert "Ty::ImplTrait #10 (impl_trait_id=#11) [1:17-1:27]" in lines


def test_unassigned_extra_ids_leave_no_empty_parentheses() -> None:
    lines = tree_lines(b"#[cfg(any())] async fn f() -> impl Sized {}\n")
    assert "CoroutineKind::Async" in lines
    assert "Ty::ImplTrait [1:31-1:41]" in lines
    assert not [line for line in lines if "(" in line]


# -- JSON ------------------------------------------------------------------------------


def test_json_objects_are_the_json_writers_output() -> None:
    a = analysis(b"pub(crate) async fn f(x: &mut [u8]) -> impl Sized { let v = [1, 2]; x[0] += v[1]; }\n")
    krate = a.krate
    assert to_json_obj(krate, a.doc.index) == json.loads(tree_json(krate, a.doc.index))
    assert to_json_obj(krate, a.doc.index, with_ids=False) == json.loads(tree_json(krate, a.doc.index, False))
    assert a.subtree_json(krate) == json.loads(a.tree_json())


def test_a_subtree_reads_only_the_units_around_it() -> None:
    a = analysis(b"fn a() { 1 }\nfn b() { 2 }\n")
    a.doc.edit(0, 0, b"fn c() {}\n")
    [node] = a.covering(a.doc.src.index(b"2"), a.doc.src.index(b"2") + 1)
    assert a.subtree_json(node)["kind"] == "Lit"
    assert "krate" not in a.__dict__  # the whole crate was neither settled nor materialized


# -- hover -----------------------------------------------------------------------------


def hover_at(text: bytes, needle: bytes) -> str:
    a = analysis(text)
    return hover_markdown(a.nodes_at(text.index(needle)), a.doc.index, "lib.rs")


def test_hover_on_pub_says_it_has_no_node_id() -> None:
    text = hover_at(b"pub struct S;\n", b"pub")
    assert text.startswith("**VisibilityKind::Public** · no NodeId")


def test_hover_on_a_restricted_visibility_shows_its_id() -> None:
    text = hover_at(b"pub(crate) fn f() {}\n", b"pub")
    assert text.startswith("**VisibilityKind::Restricted** · `NodeId(")


def test_a_node_without_an_id_says_why() -> None:
    a = analysis(b'#[cfg(any())] pub(crate) fn f() {}\n#[cfg(feature = "x")] fn g() {}\n'
                 b"#[derive(Clone)] struct S;\nfn h() -> Vis { m!() }\n")
    f, g, s, h = a.krate.items
    reasons = a.no_id_reasons
    assert reasons.reason([f, f.vis]) == ("cfg", "cfg'd out: `cfg(any())` is false in this configuration")
    assert reasons.reason([g]) == ("cfg", "cfg'd out: feature `x` is not enabled")
    assert reasons.reason([s]) == ("expansion", "numbered after `#[derive]` expands")
    assert reasons.reason([h, h.vis]) == ("never", "rustc gives `Visibility` no NodeId")
    assert id_text(g, reasons.reason([g])[1]) == "cfg'd out: feature `x` is not enabled"


# -- document symbols ------------------------------------------------------------------


def test_an_extern_block_is_a_symbol_holding_its_items() -> None:
    a = analysis(b'extern "C" { fn puts(); static ERRNO: i32; } extern { fn f(); } fn main() {}')
    symbols = document_symbols(a.krate.items)
    assert [(s.name, s.kind) for s in symbols] == [('extern "C"', "Namespace"), ("extern", "Namespace"),
                                                    ("main", "Function")]
    assert [(c.name, c.kind) for c in symbols[0].children] == [("puts", "Function"), ("ERRNO", "Variable")]
    assert symbols[0].selection == (0, 6)  # `extern`
    assert symbols[0].detail.startswith("Item::ForeignMod NodeId(")
    assert symbols[0].children[0].detail.startswith("ForeignItem::Fn NodeId(")
