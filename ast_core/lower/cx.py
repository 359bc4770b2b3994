"""The lowering context and the helpers every `lower_*` module shares.

Lowering never raises on any input: a node it cannot read becomes an `Err` kind
(`ExprKind.Err`, `PatKind.Err`, `TyKind.Err`) and the reason is one of the
`ParseError`s collected from tree-sitter's ERROR and MISSING nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Ident, Path, PathSegment, Span
from ..syntax import SyntaxNode


COMMENTS = frozenset({"line_comment", "block_comment"})
LITERALS = frozenset({"integer_literal", "float_literal", "string_literal", "raw_string_literal",
                      "char_literal", "boolean_literal"})


@dataclass(frozen=True, slots=True)
class ParseError:
    """A syntax error: where, and what could not be made sense of. `unreadable`: the
    code there may be valid Rust that tree-sitter could not read (an ERROR or MISSING
    node), so what rustc makes of it, and every NodeId from there on, is unknown; the
    other errors are rustc's own, on code whose tree is read exactly."""

    span: Span
    message: str
    unreadable: bool = False


class LowerCx:
    """What lowering one file needs: its bytes and edition; and the errors rustc's
    parser reports that tree-sitter does not (a `struct` in an `impl`)."""

    __slots__ = ("src", "edition", "errors")

    def __init__(self, src: bytes, edition: int) -> None:
        self.src = src
        self.edition = edition
        self.errors: list[ParseError] = []

    def text(self, node: SyntaxNode) -> str:
        return self.src[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def unreadable(self, where: Span, what: str) -> None:
        """Lowering met syntax it cannot read (no ERROR node says so): the ids from
        here on are unknown, as after an ERROR."""
        self.errors.append(ParseError(where, f"rust-ast cannot read this {what}", True))

    def ident(self, node: SyntaxNode, expected: str = "identifier") -> Ident:
        name = self.src[node.start_byte:node.end_byte].decode("utf-8", "replace")
        if name == "gen" and self.edition >= 2024:
            self.reserved_gen((node.start_byte, node.end_byte), expected)
        return Ident(name, (node.start_byte, node.end_byte))

    def reserved_gen(self, where: Span, expected: str) -> None:
        """`gen` is a keyword from edition 2024 on: rustc's error, and its recovery
        (what it makes of the code around) is not read."""
        self.errors.append(ParseError(where, f"expected {expected}, found reserved keyword `gen`", True))


def span(node: SyntaxNode) -> Span:
    return (node.start_byte, node.end_byte)


def single_path(ident: Ident) -> Path:
    """`Path::from_ident`: a one-segment path with the ident's span."""
    return Path(ident.span, [PathSegment(ident, None)])


def syntax_errors(node: SyntaxNode, out: list[ParseError], src: bytes) -> None:
    """Collect ERROR and MISSING nodes below `node`, visiting only subtrees that have
    errors (so an error-free item costs one attribute read)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if cur.is_missing:
            kind = cur.type if not cur.is_named else cur.type.replace("_", " ")
            out.append(ParseError((cur.start_byte, cur.start_byte),
                                  f"syntax error: missing `{kind}`" if not cur.is_named
                                  else f"syntax error: missing {kind}", True))
        elif cur.is_error:
            text = src[cur.start_byte:cur.end_byte].decode("utf-8", "replace").split()
            found = text[0][:40] if text else ""
            out.append(ParseError((cur.start_byte, cur.end_byte),
                                  f"syntax error: unexpected `{found}`" if found
                                  else "syntax error", True))
            stack.extend(reversed([c for c in cur.children if c.has_error or c.is_missing]))
        elif cur.has_error:
            stack.extend(reversed([c for c in cur.children if c.has_error or c.is_missing]))
