"""Lowering: tree-sitter's concrete syntax tree to the rustc_ast-shaped model.

`lower_file` lowers a whole file; `lower_top_level` lowers one run of top-level syntax
nodes (an item with the attributes before it), which is what the incremental
`Document` re-lowers after an edit. Lowering never raises: see `cx.ParseError`.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Crate, Span
from ..syntax import SyntaxNode, Tree
from . import attr, item
from .cx import LowerCx, ParseError, syntax_errors

__all__ = ["Lowered", "LowerCx", "ParseError", "crate_span", "lower_file", "lower_top_level",
           "syntax_errors"]


class Lowered(NamedTuple):
    krate: Crate
    errors: tuple[ParseError, ...]


def lower_top_level(cx: LowerCx, nodes: list[SyntaxNode]) -> tuple[list, list]:
    """Items and crate inner attributes of some consecutive children of `source_file`."""
    return item.lower_items(cx, nodes, "item")


def crate_span(cx: LowerCx, root: SyntaxNode) -> Span:
    """From the first token to the end of the last one; doc comments count as tokens,
    plain comments and a shebang do not (rustc's `inner_span`)."""
    tokens = [c for c in root.children
              if c.type not in ("line_comment", "block_comment", "shebang") or attr.is_doc_comment(cx, c)]
    if not tokens:
        return (0, 0)
    last = tokens[-1]
    hi = last.end_byte
    if last.type == "line_comment":
        hi -= len(cx.src[last.start_byte:hi]) - len(cx.src[last.start_byte:hi].rstrip(b"\r\n"))
    return (tokens[0].start_byte, hi)


def lower_file(src: bytes, tree: Tree, edition: int) -> Lowered:
    cx = LowerCx(src, edition)
    root = tree.root_node
    items, inner = lower_top_level(cx, [c for c in root.children if c.is_named])
    errors: list[ParseError] = []
    syntax_errors(root, errors, src)
    return Lowered(Crate(inner, items, crate_span(cx, root)), tuple(errors))
