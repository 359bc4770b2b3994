"""Lowering: tree-sitter's concrete syntax tree to the rustc_ast-shaped model.

`lower_top_level` lowers a run of top-level syntax nodes (an item with the attributes
before it), which is what `Document` lowers, whole file or unit by unit; `lower_file`
parses and lowers a whole file at once (a `mod x;` file, a file the CLI lints).
Lowering never raises on bad Rust: see `cx.ParseError`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import syntax
from ..model import AttrStyle, Span
from ..syntax import SyntaxNode, kinds as K
from . import attr, item
from .cx import COMMENTS, LowerCx, ParseError, syntax_errors

__all__ = ["LowerCx", "ParseError", "crate_span", "is_inner_unit", "lower_file", "lower_top_level",
           "syntax_errors"]


def lower_top_level(cx: LowerCx, nodes: Sequence[SyntaxNode]) -> tuple[list, list]:
    """Items and crate inner attributes of some consecutive children of `source_file`.
    A place `syntax.parse` spelled otherwise that lowering did not find where it
    belongs (`become` as a match arm's body) makes the code from there unreadable."""
    cx.repaired = cx.repairs_in(nodes[0].start_byte, nodes[-1].end_byte) if nodes else []
    items, inner = item.lower_items(cx, nodes, "item")
    for lo, hi in cx.repaired:
        if not any(lo <= at < hi for at in cx.found) and not _not_syntax(nodes, lo, hi):
            # (rustc numbers a where clause before the type and value it follows)
            cx.unreadable((lo, hi), "syntax here", _item_start(nodes, lo))
    return items, inner


def _item_start(nodes: Sequence[SyntaxNode], at: int) -> int:
    """Where the innermost item holding byte `at` starts."""
    for node in nodes:
        if node.start_byte <= at < node.end_byte:
            cur = node.descendant_for_byte_range(at, at)
            while cur is not None and cur.type not in item.ITEM_TYPES and cur.parent is not None \
                    and cur.parent.type != K.SOURCE_FILE:
                cur = cur.parent
            return cur.start_byte if cur is not None else node.start_byte
    return at


#: Where a repaired place is no syntax to find: macro tokens (read as
#: tokens), comments (doc comments are text) and literals.
_NOT_SYNTAX = frozenset({K.TOKEN_TREE, K.MACRO_DEFINITION, K.LINE_COMMENT, K.BLOCK_COMMENT, K.STRING_LITERAL,
                         K.RAW_STRING_LITERAL, K.CHAR_LITERAL})


def _not_syntax(nodes: Sequence[SyntaxNode], lo: int, hi: int) -> bool:
    """Whether bytes `lo:hi` lie in macro tokens, a comment or a literal."""
    for node in nodes:
        if node.start_byte <= lo < node.end_byte:
            cur = node.descendant_for_byte_range(lo, hi)
            while cur is not None:
                if cur.type in _NOT_SYNTAX:
                    return True
                cur = cur.parent
    return False


def is_inner_unit(cx: LowerCx, node: SyntaxNode) -> bool:
    """Whether a child of `source_file` is a crate inner attribute (`#![..]`) or inner
    doc comment (`//!`, `/*!`): the crate's, not an item's, and a unit of its own."""
    t = node.type
    if t == K.INNER_ATTRIBUTE_ITEM:
        return True
    if t in COMMENTS:
        style = attr._doc_style(cx, node)
        return style is not None and style[1] is AttrStyle.Inner
    return False


def lower_file(src: bytes, edition: int) -> tuple[list, list]:
    """Items and inner attributes of a whole file."""
    tree = syntax.parse(src, edition=edition)
    return lower_top_level(LowerCx(src, edition), [c for c in tree.root_node.children if c.is_named])


def crate_span(cx: LowerCx, root: SyntaxNode) -> Span:
    """From the first token to the end of the last one, given `source_file`; doc
    comments count as tokens, plain comments and a shebang do not (rustc's
    `inner_span`). Only the ends are looked at: this runs on every keystroke."""

    def is_token(node: SyntaxNode) -> bool:
        return node.type not in (K.LINE_COMMENT, K.BLOCK_COMMENT, K.SHEBANG) or attr.is_doc_comment(cx, node)

    count = root.child_count
    first = next((c for c in map(root.child, range(count)) if is_token(c)), None)
    if first is None:  # only comments: rustc's end-of-file token
        return (len(cx.src), len(cx.src))
    last = next(c for c in map(root.child, range(count - 1, -1, -1)) if is_token(c))
    hi = last.end_byte
    if last.type == K.LINE_COMMENT:
        hi -= len(cx.src[last.start_byte:hi]) - len(cx.src[last.start_byte:hi].rstrip(b"\r\n"))
    return (first.start_byte, hi)
