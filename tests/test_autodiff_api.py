"""The autodiff API an editor uses: lookups, explanations, the cache, the CLI."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from ast_core.analysis import Analysis
from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.model import Item
from ast_core.passes.autodiff import driver, expander
from ast_core.passes.autodiff import (
    DiffActivity,
    DiffMode,
    autodiff_expansions,
    expand,
    expanded_crate,
    expanded_source,
    expansion_at,
    expansion_for_name,
    expansion_json,
    generated_at,
)
from server.cli import main
from tests.bless_autodiff import CASES
from tests.test_autodiff import rust_tokens

HEADER = "#![feature(autodiff)]\nuse std::autodiff::*;\n"
SQUARE = HEADER + "#[autodiff_reverse(df, Duplicated, Active)]\nfn square(x: &f64) -> f64 {\n    x * x\n}\n"


def document(text: str, edition: int = 2021) -> Document:
    return Document(text.encode(), DocumentConfig(edition, target_cfg(), None))


def test_interface_example() -> None:
    """INTERFACE.md's example object, field for field."""
    doc = document(SQUARE)
    [obj] = [expansion_json(e, doc.index) for e in autodiff_expansions(doc)]
    assert obj == {
        "span": [3, 1, 3, 44], "source": "square", "generated": "df", "mode": "Reverse", "width": 1,
        "activities": ["Duplicated", "Active"],
        "text": "#[rustc_autodiff]\nfn square(x: &f64) -> f64 { x * x }\n"
                "#[rustc_autodiff(Reverse, 1, Duplicated, Active)]\n"
                "fn df(x: &f64, dx_0: &mut f64, dret: f64) -> f64 {\n"
                "    ::core::intrinsics::autodiff(square::<>, df::<>, (x, dx_0, dret))\n}",
        "diagnostics": [],
    }


def test_signature_and_notes() -> None:
    [exp] = autodiff_expansions(document(SQUARE))
    assert exp.signature == "fn df(x: &f64, dx_0: &mut f64, dret: f64) -> f64"
    duplicated, ret = exp.notes
    assert (duplicated.activity, duplicated.target) == (DiffActivity.Duplicated, "x: &f64")
    assert "`dx_0` (`&mut f64`)" in duplicated.explanation
    assert (ret.activity, ret.target) == (DiffActivity.Active, "-> f64") and "`dret: f64`" in ret.explanation
    assert SQUARE.encode()[duplicated.span[0]:duplicated.span[1]] == b"Duplicated"


def test_batched_notes() -> None:
    text = HEADER + "#[autodiff_forward(d4, 4, Dual, Dualv, Dual)]\nfn f(x: f64, v: &[f64]) -> f64 { x }\n"
    [exp] = autodiff_expansions(document(text))
    x, v, ret = (n.explanation for n in exp.notes)
    assert "`bx_0` .. `bx_3`" in x
    assert "one shadow `bv_0`" in v and "4 tangents" in v
    assert "`[f64; 5]`" in ret
    assert exp.signature == ("fn d4(x: f64, bx_0: f64, bx_1: f64, bx_2: f64, bx_3: f64, v: &[f64], "
                             "bv_0: &[f64]) -> [f64; 5usize]")


def test_lookups() -> None:
    text = SQUARE + "fn main() {\n    let mut d = 0.0;\n    let y = df(&2.0, &mut d, 1.0);\n}\n"
    doc = document(text)
    expansions = autodiff_expansions(doc)
    attr = text.index("autodiff_reverse")
    assert expansion_at(expansions, attr).generated == "df"
    assert expansion_at(expansions, text.index("x * x")).generated == "df"
    assert expansion_at(expansions, text.index("fn main")) is None
    call = text.index("df(&2.0") + 1
    assert generated_at(doc.src, expansions, call).source == "square"
    assert generated_at(doc.src, expansions, text.index("let y")) is None
    assert expansion_for_name(expansions, "nothing", 0) is None


def test_lookup_prefers_the_enclosing_scope() -> None:
    text = (HEADER + "#[autodiff_forward(d, Dual, Dual)]\nfn f(x: f64) -> f64 { x }\n"
            "fn g() {\n    #[autodiff_reverse(d, Active, Active)]\n    fn h(x: f64) -> f64 { x }\n"
            "    d(1.0, 1.0);\n}\n")
    expansions = autodiff_expansions(document(text))
    assert expansion_for_name(expansions, "d", text.index("d(1.0")).mode is DiffMode.Reverse
    assert expansion_for_name(expansions, "d", 0).mode is DiffMode.Forward


@pytest.mark.parametrize("name", ["nested", "cfg", "err_cfg_param", "err_cfg_positions", "attributes",
                                  "err_trait_impl"])
def test_document_tree_unchanged(name: str) -> None:
    """The expander copies what it changes (and for `expanded_crate`, everything)."""
    doc = document((CASES / f"{name}.rs").read_text())
    before = Analysis(doc).tree_json()
    autodiff_expansions(doc)
    assert Analysis(doc).tree_json() == before
    expanded_crate(doc)
    assert Analysis(doc).tree_json() == before


def test_items_without_the_macro_are_neither_walked_nor_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    """Expanding a big module with one attribute copies the module (its item list) and
    the annotated fn, not the other fns."""
    fns = "".join(f"    fn f{i}(x: f64) -> f64 {{ let y = x * {i}.0; y }}\n" for i in range(50))
    text = (HEADER + "mod m {\n    use std::autodiff::*;\n" + fns
            + "    #[autodiff_forward(d, Dual, Dual)]\n    fn g(x: f64) -> f64 { x }\n}\n")
    copied: list[str] = []
    real = expander.clone

    def counting(node: object, keep: tuple[type, ...] = ()) -> object:
        if isinstance(node, Item):
            ident = getattr(node.kind, "ident", None)
            copied.append(ident.name if ident is not None else type(node.kind).__name__)
        return real(node, keep)

    monkeypatch.setattr(expander, "clone", counting)
    [exp] = autodiff_expansions(document(text))
    assert exp.generated == "d" and exp.text is not None
    assert sorted(copied) == ["Use", "Use", "g", "m"]  # the `use`s spell `autodiff`


def test_expand_is_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SQUARE + "fn main() {}\n"
    calls: list[int] = []
    real = driver._collect

    def counting(doc: Document) -> object:
        calls.append(1)
        return real(doc)

    monkeypatch.setattr(driver, "_collect", counting)
    expansions, source = expand(document(text))
    assert len(calls) == 1
    assert (expansions, source) == (autodiff_expansions(document(text)), expanded_source(document(text)))
    assert expand(document("fn main() {}\n")) == ([], "fn main() {}\n")
    assert len(calls) == 3  # a file that never spells `autodiff` is not expanded


def test_only_edited_units_expand_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (CASES / "basic.rs").read_text()
    doc = document(text)
    calls: list[int] = []
    real = driver._expand_unit

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(driver, "_expand_unit", counting)
    first = autodiff_expansions(doc)
    assert len(calls) == len(doc.units)
    calls.clear()
    assert autodiff_expansions(doc) == first
    assert not calls
    at = text.index("x * y; }")  # inside `inp`: one unit changes, the later ones move
    doc.edit(at, at + 1, b"(y + 1.0)")
    edited = autodiff_expansions(doc)
    assert len(calls) == 1
    assert edited == autodiff_expansions(document(doc.src.decode()))


def test_new_import_expands_again() -> None:
    """A root `use` changes what every unit resolves: all expand again, nothing stale stays."""
    text = HEADER.replace("use std::autodiff::*;\n", "") + "#[fwd(d1, Dual, Dual)]\nfn f(x: f64) -> f64 { x }\n"
    doc = document(text)
    assert autodiff_expansions(doc) == []
    doc.edit(0, 0, b"use std::autodiff::autodiff_forward as fwd;\n")
    [exp] = autodiff_expansions(doc)
    assert exp.generated == "d1" and exp.text is not None
    assert sum(len(unit.results) for unit in doc.units) <= 2 * len(doc.units)


def test_crate_root_decides_again() -> None:
    """A root item added after the annotated unit changes its diagnostics (E0428)."""
    text = HEADER + "#[autodiff_forward(d1, Dual, Dual)]\nfn f(x: f64) -> f64 { x }\n"
    doc = document(text)
    assert not autodiff_expansions(doc)[0].diagnostics
    doc.edit(len(text), len(text), b"fn d1() {}\n")
    [exp] = autodiff_expansions(doc)
    assert [d.message for d in exp.diagnostics] == ["the name `d1` is defined multiple times"]
    assert exp.text is None


def test_expanded_source_indents_nested_items() -> None:
    text = (HEADER + "fn outer() {\n    #[autodiff_forward(d_in, Dual, Dual)]\n"
            "    fn inner(x: f64) -> f64 { x }\n}\n")
    doc = document(text)
    out = expanded_source(doc)
    assert out.startswith(HEADER + "fn outer() {\n    #[rustc_autodiff]\n    fn inner(x: f64) -> f64 { x }\n")
    assert "\n    #[rustc_autodiff(Forward, 1, Dual, Dual)]\n    fn d_in(" in out
    [exp] = autodiff_expansions(doc)
    assert rust_tokens(out) == rust_tokens(text[:text.index("#[autodiff")]) + rust_tokens(exp.text) + ["}"]


def test_errors_leave_text_null_and_keep_rustc_output() -> None:
    text = HEADER + "#[autodiff_reverse(d5, Dual)]\npub fn f5(x: f64) {}\n"
    [exp] = autodiff_expansions(document(text))
    assert exp.text is None
    assert [d.message for d in exp.diagnostics] == ["Dual can not be used in Reverse Mode"]
    assert exp.generated_text is not None and "fn d5(x: f64)" in exp.generated_text


def test_crash_inputs_do_not_raise() -> None:
    for attr in ('"d"', "d, 2.0", "d, Dual, \"x\"", "a::b"):
        text = HEADER + f"#[autodiff_forward({attr}, Dual, Dual)]\nfn f(x: f64) -> f64 {{ x }}\n"
        [exp] = autodiff_expansions(document(text))
        assert exp.text is None and exp.source_text is None
        assert exp.diagnostics[-1].message.startswith("rustc 1.95 crashes on this attribute")


def test_imports_without_a_path_beside_the_macro() -> None:
    """`use *;` and `use {*};` (a glob of no path, which the soak's random edits typed)
    bring no autodiff name: the expansion is the one without them."""
    text = HEADER + "#[autodiff_reverse(df, Active, Active)]\nfn f(x: f64) -> f64 { x }\n"
    [want] = autodiff_expansions(document(text))
    for glob in ("use *;\n", "use {*};\n", "use ::*;\n"):
        [exp] = autodiff_expansions(document(text + glob))
        assert (exp.text, exp.diagnostics) == (want.text, want.diagnostics), glob


def test_unicode_columns() -> None:
    text = "// é\n" + HEADER + "/* ü */ #[autodiff_forward(d, Dual, Dual)]\nfn f(x: f64) -> f64 { x }\n"
    doc = document(text)
    [obj] = [expansion_json(e, doc.index) for e in autodiff_expansions(doc)]
    assert obj["span"] == [4, 9, 4, 43]  # columns count characters


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_cli_json() -> None:
    path = CASES / "err_mode.rs"
    code, out, _ = run_cli("expand", str(path), "--json")
    doc = Document(path.read_bytes(), DocumentConfig(2021, target_cfg(), path))
    assert code == 1  # rustc rejects attributes of this file
    assert json.loads(out) == [expansion_json(e, doc.index) for e in autodiff_expansions(doc)]


def test_cli_human(tmp_path: Path) -> None:
    path = tmp_path / "x.rs"
    path.write_text(HEADER + "#[autodiff_reverse(d5, Dual)]\npub fn f5(x: f64) {}\n")
    code, out, err = run_cli("expand", str(path))
    assert code == 1
    assert "#[rustc_autodiff(Reverse, 1, Dual, None)]" in out
    assert err.startswith(f"error: Dual can not be used in Reverse Mode\n --> {path}:3:1\n")  # as rustc prints it
    assert err.endswith("error: aborting due to 1 previous error\n\n")


def test_cli_usage_error(tmp_path: Path) -> None:
    code, out, err = run_cli("expand", str(tmp_path / "missing.rs"))
    assert code == 2 and out == ""
    assert err.startswith("rust-ast: error: ") and err.count("\n") == 1
