"""Parsing and incremental re-parsing with tree-sitter-rust.

Edit, then parse with the old tree (py-tree-sitter's README): tree-sitter reuses every
subtree the edit did not touch, so a keystroke costs a fraction of a full parse.
"""

from __future__ import annotations

import re
import tree_sitter
import tree_sitter_rust

SyntaxNode = tree_sitter.Node
"""A node of the concrete syntax tree. `lower/` uses: `type`, `is_named`,
`is_missing`, `is_error`, `has_error`, `start_byte`, `end_byte`, `children`,
`named_children`, `child_by_field_name`, `child_count`, `parent`, `id`."""

Tree = tree_sitter.Tree

LANGUAGE = tree_sitter.Language(tree_sitter_rust.language())
_PARSER = tree_sitter.Parser(LANGUAGE)


# Two places where tree-sitter-rust 0.24 cannot read valid Rust, repaired by parsing a
# same-length copy of the text (offsets stay valid; lowering reads names and
# operators from the real text):
# - `try!(x)` is a macro call in edition 2015; tree-sitter knows `try` only as the 2018
#   keyword and leaves an ERROR. Spelled `tr_`, it is a macro call named `try`.
# - the prefix range `..=x` (`|e| ..=e`, `let r = ..=b;`) is an ERROR or an assignment;
#   spelled `.. x`, it is a range, and lowering sees the `=` after the `..`.
_TRY_MACRO = re.compile(rb"(?<![A-Za-z0-9_#])try(?=\s*!)")


def parse(data: bytes, old_tree: Tree | None = None, edition: int = 2021) -> Tree:
    """Parse UTF-8 source; with `old_tree` (already `edit`ed) reuse its subtrees."""
    if edition == 2015 and b"try" in data:
        data = _TRY_MACRO.sub(b"tr_", data)
    if b"..=" in data:
        data = data.replace(b"..=", b".. ")
    if old_tree is None:
        return _PARSER.parse(data)
    return _PARSER.parse(data, old_tree)


def edit(tree: Tree, start: int, old_end: int, new_end: int,
         start_point: tuple[int, int], old_end_point: tuple[int, int],
         new_end_point: tuple[int, int]) -> None:
    """Tell `tree` that bytes `start..old_end` became `start..new_end`; points are
    `(row, byte column)`."""
    tree.edit(start_byte=start, old_end_byte=old_end, new_end_byte=new_end,
              start_point=start_point, old_end_point=old_end_point,
              new_end_point=new_end_point)
