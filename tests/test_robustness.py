"""Bad input is data: lowering never raises, on mutated real code, deep nesting and
large files (STYLE §7: rustc guards deep recursion with `ensure_sufficient_stack`)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ast_core.analysis import Analysis
from ast_core.document import Document, DocumentConfig
from ast_core.stack import run_with_big_stack
from ast_core.targets import target_cfg

CASES = sorted((Path(__file__).parent / "data" / "tree").glob("*.rs"))
NOISE = [b"{", b"}", b"(", b")", b"[", b"]", b";", b",", b"#", b"!", b"<", b">", b"'", b'"', b"r#",
         b"::", b"=>", b"|", b"&", b"*", b"..", b"fn", b"impl", b"struct", b"let", b"mut", b"ref",
         b"where", b"for", b"dyn", b"async", b"move", b"unsafe", b"const", b"?", b"@", b"\xc3\xa9",
         b"\x00", b"/*", b"//", b"\n", b"0x", b"1.", b"b'", b"c\"", b"extern", b"type", b"trait"]


def analyse(text: bytes) -> Document:
    doc = Document(text, DocumentConfig(2021, target_cfg()))
    analysis = Analysis(doc)
    analysis.tree_json()
    analysis.tree_text()
    analysis.id_rows()
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES),
       cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), st.sampled_from(NOISE)), min_size=1,
                     max_size=8))
def test_mutated_code_lowers_without_internal_errors(case: Path, cuts: list) -> None:
    text = case.read_bytes()
    for where, length, noise in cuts:
        at = int(where * len(text))
        text = text[:at] + noise + text[at + length:]
    doc = analyse(text)
    assert not [e for e in doc.errors if "could not lower" in e.message]


def test_ten_thousand_term_sum() -> None:
    text = b"fn f() -> u32 { " + b" + ".join(b"a%d" % i for i in range(10_000)) + b" }\n"
    doc = run_with_big_stack(lambda: analyse(text))
    assert not doc.errors


def test_five_hundred_nested_blocks() -> None:
    text = b"fn f() " + b"{ " * 500 + b"1" + b" }" * 500 + b"\n"
    doc = run_with_big_stack(lambda: analyse(text))
    assert not doc.errors
    assert doc.next_id > 500


def test_one_megabyte_file() -> None:
    unit = (b"pub fn f%d(x: &[u8], y: Option<u32>) -> usize "
            b"{ let mut n = 0; for b in x { if *b > 3 { n += 1; } } n + y.unwrap_or(0) as usize }\n")
    text = b"".join(unit % i for i in range(1_000_000 // len(unit) + 1))
    doc = run_with_big_stack(lambda: analyse(text))
    assert not doc.errors
    assert len(doc.krate.items) > 7000


def test_twenty_thousand_macro_items_and_statements() -> None:
    """Linear, not quadratic, in the items of a module and the statements of a block
    (20 000 `m!(x);` in a module once took over a minute)."""
    n = 20_000
    text = b"mod m {\n" + b"m!(x);\n" * n + b"}\nfn f() {\n" + b"g(x);\n" * n + b"m!()\n}\n"
    doc = Document(text, DocumentConfig(2021, target_cfg()))
    assert not doc.errors
    module, function = doc.krate.items
    macs = module.kind.mod_kind.items
    assert len(macs) == n
    assert all(text[m.span[0]:m.span[1]] == b"m!(x);" for m in macs)  # the `;` included
    stmts = function.kind.body.stmts
    assert len(stmts) == n + 1
    assert type(stmts[-1].kind).__name__ == "Expr"  # the last `m!()` is the block's value
