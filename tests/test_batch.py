"""The two-process `tree --json` path gives exactly the one-process JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

from ast_core.analysis import Analysis
from ast_core import batch
from ast_core.batch import PARALLEL_MIN_BYTES, write_tree_json
from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig

CASES = Path(__file__).parent / "data" / "tree"


def tree_json(src: bytes, config: DocumentConfig, with_ids: bool = True) -> bytes:
    out = io.BytesIO()
    write_tree_json(src, config, out, with_ids)
    return out.getvalue()


def big_source() -> bytes:
    """Our cases repeated past the threshold, with the crate attributes up front."""
    parts = [(CASES / name).read_bytes() for name in ("exprs.rs", "pats.rs", "tys.rs", "generics.rs")]
    body = b"\n".join(parts)
    text = b"#![allow(unused)]\n"
    while len(text) < 2 * PARALLEL_MIN_BYTES:
        text += body
    return text


def test_two_processes_give_the_one_process_json() -> None:
    src = big_source()
    config = DocumentConfig(2021, target_cfg())
    assert json.loads(tree_json(src, config)) == json.loads(Analysis(Document(src, config)).tree_json())


def test_without_ids_two_processes_give_the_one_process_json() -> None:
    for src in (big_source(), b"#![cfg(any())]\n" + big_source()):
        config = DocumentConfig(2021, target_cfg())
        assert json.loads(tree_json(src, config, with_ids=False)) == json.loads(
            Analysis(Document(src, config)).tree_json(with_ids=False))


def test_a_removed_crate_numbers_nothing_in_either_half() -> None:
    src = b"#![cfg(any())]\n" + big_source()
    config = DocumentConfig(2021, target_cfg())
    assert json.loads(tree_json(src, config)) == json.loads(Analysis(Document(src, config)).tree_json())


def test_a_late_inner_doc_comment_keeps_the_one_process_json() -> None:
    """`//!` and `/*!` after the split point are crate attributes, like `#![..]`."""
    config = DocumentConfig(2021, target_cfg())
    for tail in (b"//! late inner doc\n", b"/*! late inner doc */\n", b"#![allow(dead_code)]\n"):
        src = big_source() + tail
        expected = json.loads(Analysis(Document(src, config)).tree_json())
        assert expected["children"][-1]["class"] == "Attribute"
        assert json.loads(tree_json(src, config)) == expected


def test_inner_attributes_the_split_check_misses_fall_back(monkeypatch) -> None:
    """Lowering also finds crate attributes inside top-level ERRORs, where the split
    check does not look: the worker then says so and the parent takes the one-process
    path (simulated by a split check that sees none)."""
    monkeypatch.setattr(batch, "is_inner_unit", lambda cx, node: False)
    config = DocumentConfig(2021, target_cfg())
    src = big_source() + b"#![allow(dead_code)]\n"
    assert json.loads(tree_json(src, config)) == json.loads(Analysis(Document(src, config)).tree_json())
