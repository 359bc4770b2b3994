"""Document internals: units, the `mod x;` file cache."""

from __future__ import annotations

import os
from pathlib import Path

from ast_core.cfg.targets import target_cfg
from ast_core.document import Document, DocumentConfig, group_units
from ast_core.lower import LowerCx
from ast_core import syntax


def test_a_changed_module_file_replaces_its_cache_entry(tmp_path: Path) -> None:
    lib, module = tmp_path / "lib.rs", tmp_path / "m.rs"
    lib.write_bytes(b"mod m;\n")
    module.write_bytes(b"fn a() {}\n")
    doc = Document(lib.read_bytes(), DocumentConfig(2021, target_cfg(), lib))
    [item] = doc.krate.items
    first = doc.mods.load(item, (), None)
    assert [i.kind.ident.name for i in first.items] == ["a"]
    assert doc.mods.load(item, (), None) is first  # unchanged on disk: cached
    module.write_bytes(b"fn b() {}\nfn c() {}\n")
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = doc.mods.load(item, (), None)
    assert [i.kind.ident.name for i in second.items] == ["b", "c"]
    assert len(doc.mods._loaded) == 1  # one entry per file, not per version


def units(text: bytes) -> list[list[str]]:
    tree = syntax.parse(text)
    nodes = [c for c in tree.root_node.children if c.is_named]
    return [[n.type for n in unit] for unit in group_units(LowerCx(text, 2021), nodes)]


def test_units_take_attributes_forward_and_semicolons_back() -> None:
    assert units(b"; #![a] ; /// d\n#[b] m!(x); fn f() {}; //! i\n/*! j */ // c\n") == [
        ["empty_statement"],
        ["inner_attribute_item", "empty_statement"],
        ["line_comment", "attribute_item", "expression_statement"],
        ["function_item", "empty_statement"],
        ["line_comment"],
        ["block_comment"],
        ["line_comment"],
    ]
