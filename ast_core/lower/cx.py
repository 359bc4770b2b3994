"""The lowering context and the helpers every `lower_*` module shares.

Lowering never raises on any input: a node it cannot read becomes an `Err` kind
(`ExprKind.Err`, `PatKind.Err`, `TyKind.Err`) and the reason is one of the
`ParseError`s collected from tree-sitter's ERROR and MISSING nodes.
"""

from __future__ import annotations

from bisect import bisect_left

from ..model import Ident, Path, PathSegment, Span
from ..model.span import BytePos
from ..record import Record
from .. import syntax
from ..syntax import SyntaxNode, kinds as K


COMMENTS = frozenset({K.LINE_COMMENT, K.BLOCK_COMMENT})
# Keywords no identifier can be (rustc's strict and reserved keywords, `self`, `Self`,
# `super` and `crate` aside: they are path segments); from edition 2018 on also `async`,
# `await`, `dyn` and `try`. tree-sitter reads some as identifiers where it does not
# know the syntax (`become f()`, `let box x`, `use || x`).
KEYWORDS = frozenset("""
as break const continue else enum extern false fn for if impl in let loop match mod move mut
pub ref return static struct trait true type unsafe use where while abstract become box do
final macro override priv typeof unsized virtual yield
""".split())
KEYWORDS_2018 = frozenset({"async", "await", "dyn", "try"})
LITERALS = frozenset({K.INTEGER_LITERAL, K.FLOAT_LITERAL, K.STRING_LITERAL, K.RAW_STRING_LITERAL,
                      K.CHAR_LITERAL, K.BOOLEAN_LITERAL})


class ParseError(Record):
    """A syntax error: where, and what could not be made sense of. `unreadable`: the
    code there may be valid Rust that tree-sitter could not read (an ERROR or MISSING
    node), so what rustc makes of it, and every NodeId from there on, is unknown; the
    other errors are rustc's own, on code whose tree is read exactly."""

    __slots__ = ("span", "message", "unreadable", "astray")

    def __init__(self, span: Span, message: str, unreadable: bool = False, astray: BytePos | None = None) -> None:
        self.span = span
        self.message = message
        self.unreadable = unreadable
        # where tree-sitter's reading went astray, when before `span` (it reads `box v`
        # as an identifier `box`, then stops at `v`): ids are unknown from there on
        self.astray = astray

    @property
    def ids_from(self) -> int:
        """Where ids stop being known, if `unreadable`."""
        return self.span[0] if self.astray is None else min(self.astray, self.span[0])


class LowerCx:
    """What lowering one file needs: its bytes and edition; and the errors rustc's
    parser reports that tree-sitter does not (a `struct` in an `impl`)."""

    __slots__ = ("src", "edition", "places", "errors", "found", "repaired")

    def __init__(self, src: bytes, edition: int, places: list[tuple[int, int]] | None = None) -> None:
        self.src = src
        self.edition = edition
        self.places = places  # `syntax.spelled(src).places`, when known
        self.errors: list[ParseError] = []
        self.found: set[int] = set()  # where lowering found places `syntax.parse` spelled otherwise
        self.repaired: list[tuple[int, int]] = []  # those places (`syntax.repairs`) in the nodes lowered, in order

    def text(self, node: SyntaxNode) -> str:
        return self.src[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def unreadable(self, where: Span, what: str, astray: BytePos | None = None) -> None:
        """Lowering met syntax it cannot read (no ERROR node says so): the ids from
        here on (from `astray`, when given) are unknown, as after an ERROR."""
        self.errors.append(ParseError(where, f"rust-ast cannot read this {what}", True, astray))

    def ident(self, node: SyntaxNode, expected: str = "identifier") -> Ident:
        name = self.src[node.start_byte:node.end_byte].decode("utf-8", "replace")
        if name == "gen" and self.edition >= 2024:
            self.reserved_gen((node.start_byte, node.end_byte), expected)
        elif name in KEYWORDS or (name in KEYWORDS_2018 and self.edition >= 2018):
            self.unreadable((node.start_byte, node.end_byte), f"keyword `{name}`")
        return Ident(name, (node.start_byte, node.end_byte))

    def repairs_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The places `syntax.spelled` spelled otherwise within bytes `lo:hi`, in order
        (those of the whole text, when known: looking for them again in each unit
        costs a large file more than one look through all of it)."""
        if self.places is None:
            return sorted((a, b) for a, b, _ in syntax.repairs(self.src, lo, hi))
        first, last = bisect_left(self.places, (lo,)), bisect_left(self.places, (hi,))
        return [(a, b) for a, b in self.places[first:last] if b <= hi]

    def repaired_in(self, lo: int, hi: int, starting: bytes = b"") -> list[tuple[int, int]]:
        """The places `syntax.parse` spelled otherwise within bytes `lo:hi` whose text
        starts with `starting`, marked found."""
        out = [(a, b) for a, b in self.repaired if lo <= a and b <= hi and self.src.startswith(starting, a)]
        self.found.update(a for a, _ in out)
        return out

    def read_after_all(self, node: SyntaxNode) -> None:
        """Lowering read an ERROR node exactly after all (an attribute where tree-sitter
        expects none): its errors go, and ids go on after it."""
        lo, hi = node.start_byte, node.end_byte
        self.errors[:] = [e for e in self.errors if not (lo <= e.span[0] and e.span[1] <= hi)]

    def reserved_gen(self, where: Span, expected: str) -> None:
        """`gen` is a keyword from edition 2024 on: rustc's error, and its recovery
        (what it makes of the code around) is not read."""
        self.errors.append(ParseError(where, f"expected {expected}, found reserved keyword `gen`", True))


def span(node: SyntaxNode) -> Span:
    return (node.start_byte, node.end_byte)


def single_path(ident: Ident) -> Path:
    """`Path::from_ident`: a one-segment path with the ident's span."""
    return Path(ident.span, [PathSegment(ident, None)])


# Nodes whose children are a list of elements (statements, items, fields, parameters...)
# whose shape an error inside one element does not change. Lists inside expressions
# (arguments, tuples, closure parameters, blocks) are not: an error there can change the
# expression around them (`v.map(|x| x + 1$.count()` moves `.count()` into the closure,
# `[const { x$ }; 3]` is no array repeat): of blocks, only a function's body counts.
_LISTS = frozenset({
    K.SOURCE_FILE, K.BLOCK, K.DECLARATION_LIST, K.FIELD_DECLARATION_LIST, K.ORDERED_FIELD_DECLARATION_LIST,
    K.ENUM_VARIANT_LIST, K.WHERE_CLAUSE, K.PARAMETERS, K.TYPE_PARAMETERS,
})


def astray(error: SyntaxNode) -> int:
    """Where tree-sitter's reading may have gone wrong before it met `error`: the start
    of the list element (statement, argument, field...) holding it; for an error that
    opens its element, the element before it (tree-sitter took `become` for an
    expression, then stopped at `f`), or when there is none the element holding the
    list. Not beyond the top-level item holding it."""
    cur = error
    while True:
        while cur.parent is not None and not _is_list(cur.parent):
            cur = cur.parent
        parent = cur.parent
        if parent is None or parent.type == K.SOURCE_FILE or cur.start_byte < error.start_byte:
            return cur.start_byte
        prev = cur.prev_named_sibling
        while prev is not None and prev.type in COMMENTS:
            prev = prev.prev_named_sibling
        if prev is not None:
            return prev.start_byte
        cur = parent


def _is_list(node: SyntaxNode) -> bool:
    if node.type == K.BLOCK:
        return node.parent is not None and node.parent.type == K.FUNCTION_ITEM
    return node.type in _LISTS


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
                                  else f"syntax error: missing {kind}", True, astray(cur)))
        elif cur.is_error:
            text = src[cur.start_byte:cur.end_byte].decode("utf-8", "replace").split()
            found = text[0][:40] if text else ""
            out.append(ParseError((cur.start_byte, cur.end_byte),
                                  f"syntax error: unexpected `{found}`" if found
                                  else "syntax error", True, astray(cur)))
            stack.extend(reversed([c for c in cur.children if c.has_error or c.is_missing]))
        elif cur.has_error:
            stack.extend(reversed([c for c in cur.children if c.has_error or c.is_missing]))
