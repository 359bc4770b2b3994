"""Document internals: units."""

from __future__ import annotations

from ast_core.document import group_units
from ast_core.lower import LowerCx
from ast_core import syntax


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
