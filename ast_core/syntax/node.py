"""What code outside `syntax/` may read of a syntax node: `SyntaxNode`, and its fields
by `fields` constant.

Kinds are compared against `kinds` constants and fields read with `optional`/`required`
`fields` constants, both generated from the installed grammar (`gen.py`). After a
grammar upgrade, `tests/test_syntax_gen.py` says they are stale; once regenerated, mypy
names every use of a kind or field that is gone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, cast

import tree_sitter


class SyntaxNode(Protocol):
    """A node of the concrete syntax tree (a `tree_sitter.Node`), as far as code outside
    `syntax/` may read it: its kind (a `kinds` constant), byte range, error flags and
    neighbours. Fields are read with `optional` and `required`."""

    @property
    def type(self) -> str: ...
    @property
    def id(self) -> int: ...
    @property
    def is_named(self) -> bool: ...
    @property
    def is_missing(self) -> bool: ...
    @property
    def is_error(self) -> bool: ...
    @property
    def has_error(self) -> bool: ...
    @property
    def start_byte(self) -> int: ...
    @property
    def end_byte(self) -> int: ...
    @property
    def children(self) -> Sequence[SyntaxNode]: ...
    @property
    def child_count(self) -> int: ...
    @property
    def named_children(self) -> Sequence[SyntaxNode]: ...
    @property
    def named_child_count(self) -> int: ...
    @property
    def parent(self) -> SyntaxNode | None: ...
    @property
    def next_sibling(self) -> SyntaxNode | None: ...
    @property
    def next_named_sibling(self) -> SyntaxNode | None: ...
    @property
    def prev_sibling(self) -> SyntaxNode | None: ...
    @property
    def prev_named_sibling(self) -> SyntaxNode | None: ...
    def child(self, index: int, /) -> SyntaxNode: ...
    def descendant_for_byte_range(self, start_byte: int, end_byte: int, /) -> SyntaxNode | None: ...


if TYPE_CHECKING:
    def optional(node: SyntaxNode, field: str, /) -> SyntaxNode | None:
        """`node`'s field `field` (a `fields` constant), if it has one."""
else:
    optional = tree_sitter.Node.child_by_field_name  # no Python frame: lowering reads fields often


def required(node: SyntaxNode, field: str) -> SyntaxNode:
    """`node`'s field `field` (a `fields` constant), one the grammar requires (where the text lacks it,
    tree-sitter puts a MISSING node); a node without it fails its unit
    (`document.lower_unit`)."""
    child = optional(node, field)
    if child is None:
        raise ValueError(f"{node.type} at byte {node.start_byte} has no {field}")
    return child


def named_children_from(root: SyntaxNode, start: int) -> Iterator[SyntaxNode] | None:
    """The named children of `root` from the one starting at byte `start` on; None when
    no child starts there. (A cursor: no list of all the children is made.)"""
    cursor = cast(tree_sitter.Node, root).walk()
    if cursor.goto_first_child_for_byte(start) is None or cursor.node is None or cursor.node.start_byte != start:
        return None

    def following() -> Iterator[SyntaxNode]:
        while True:
            node = cursor.node
            if node is not None and node.is_named:
                yield node
            if not cursor.goto_next_sibling():
                return

    return following()

