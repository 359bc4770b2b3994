"""A Rust lexer for token streams: attribute and macro arguments, `--check-cfg` specs.

The model keeps a delimited group (`DelimArgs`) as the span of its text, as rustc keeps
a `TokenStream`; passes that read arguments (`cfg`, `cfg_attr`, autodiff) lex that span
here, and the pretty printer lexes macro arguments (doc comments kept: in a token
stream they are tokens) and finds the comments it copies. Offsets are UTF-8 byte
offsets into the text given. Whitespace is skipped; comments are skipped unless asked
for. Block comments nest, as in rustc (`/* a /* b */ c */` is one comment).

The doc-comment rules live here too, for the lowering, the lexer and the printer:
which comment is a doc comment and of which style (`doc_comment_style`), what the
model keeps of it (`doc_comment_symbol`) and how it prints back (`doc_comment_to_string`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal as Lit

from .patterns import lazy_regex
from .record import Record

TokenKind = Lit["ident", "lifetime", "literal", "punct", "open", "close", "unknown", "doc", "comment"]
"""`doc` (a doc comment) and `comment` (any other) only when `tokenize` is asked for them."""


#: The token regex (the largest: compiling it takes 1.5 ms, and `rust-ast tree` on a file
#: without attributes or macro calls never tokenizes anything).
_lexer = lazy_regex(rb"""
    (?P<ws>\s+)
  | (?P<line>//[^\n]*)
  | (?P<block>/\*)
  | (?P<raw>(?:b|c)?r\#*")   # a raw string: its end is found by hand
  | (?P<literal>
        (?:b|c)?"(?:[^"\\]|\\.)*"(?:[A-Za-z_][A-Za-z0-9_]*)?
      | b?'(?:[^'\\\n]|\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F_]*\}|.))'(?:[A-Za-z_][A-Za-z0-9_]*)?
      | (?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)(?:[iu](?:8|16|32|64|128|size))?
      | [0-9][0-9_]*(?:\.(?![.A-Za-z_])[0-9_]*)?(?:[eE][+-]?[0-9_]+)?(?:[A-Za-z_][A-Za-z0-9_]*)?
    )
  | (?P<lifetime>'(?:r\#)?[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*(?!'))
  | (?P<ident>(?:r\#)?[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)
  | (?P<punct>::|->|=>|\.\.=|\.\.\.|\.\.|==|!=|<=|>=|&&|\|\||<<=|>>=|<<|>>|[-+*/%^&|]=|[-+*/%^!&|=<>@.,;:\#$?~])
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
""", re.VERBOSE | re.DOTALL)


class Token(Record):
    __slots__ = ("kind", "text", "lo", "hi")

    def __init__(self, kind: TokenKind, text: str, lo: int, hi: int) -> None:
        self.kind = kind
        self.text = text
        self.lo = lo
        self.hi = hi

    @property
    def span(self) -> tuple[int, int]:
        return (self.lo, self.hi)


def doc_comment_style(text: bytes) -> Lit["outer", "inner"] | None:
    """Whether a comment (its text, or its first four bytes) is a doc comment, by
    rustc's rules: `///` and `/**` are outer, `//!` and `/*!` inner; `////`, `/***`
    and `/**/` are plain comments."""
    if text.startswith((b"//!", b"/*!")):
        return "inner"
    if text.startswith(b"///"):
        return None if text.startswith(b"////") else "outer"
    if text.startswith(b"/**"):
        return None if text.startswith((b"/***", b"/**/")) else "outer"
    return None


def doc_comment_symbol(text: str) -> str:
    """A doc comment's text without its marker (`///`, `//!`, `/**`, `/*!`, three bytes)
    and, for a block comment, its `*/`: what rustc's `DocComment` keeps; a line
    comment's line ending is not part of it."""
    if text.startswith("//"):
        return text[3:].rstrip("\n").removesuffix("\r")
    return text[3:-2] if text.endswith("*/") else text[3:]


def doc_comment_to_string(is_line: bool, inner: bool, symbol: str) -> str:
    """A doc comment as rustc prints it back: the marker of its style around the symbol."""
    if is_line:
        return ("//!" if inner else "///") + symbol
    return ("/*!" if inner else "/**") + symbol + "*/"


def block_comment_end(data: bytes, pos: int, hi: int | None = None) -> int:
    """The end of the block comment whose `/*` ends at `pos`: after its matching `*/`
    (comments nest), or `hi` (default: the end of `data`) if it has none."""
    hi = len(data) if hi is None else hi
    depth = 1
    while depth:
        close = data.find(b"*/", pos, hi)
        if close == -1:
            return hi
        opened = data.find(b"/*", pos, close + 1)  # `/*/` opens: its `*` is read first
        if opened != -1:
            depth += 1
            pos = opened + 2
        else:
            depth -= 1
            pos = close + 2
    return pos


def scan(data: bytes, lo: int = 0, hi: int | None = None) -> Iterator[tuple[TokenKind, int, int]]:
    """`(kind, lo, hi)` of each token and comment of `data[lo:hi]`, whitespace skipped:
    what `tokenize` makes tokens of, for a reader that keeps none of them. A comment
    is of kind `doc` or `comment`; a line comment ends before a `\\r` before its
    newline."""
    hi = len(data) if hi is None else min(hi, len(data))
    pos = lo
    match = _lexer().match
    while pos < hi:
        m = match(data, pos, hi)
        if m is None:
            yield "unknown", pos, pos + 1
            pos += 1
            continue
        kind = m.lastgroup
        end = m.end()
        if kind == "ws":
            pass
        elif kind == "line":
            doc = doc_comment_style(data[pos:pos + 4]) is not None
            yield "doc" if doc else "comment", pos, end - 1 if data[end - 1:end] == b"\r" else end
        elif kind == "block":
            end = block_comment_end(data, end, hi)
            yield "doc" if doc_comment_style(data[pos:pos + 4]) is not None else "comment", pos, end
        elif kind == "raw":
            closing = b'"' + b"#" * data.count(b"#", pos, end)
            close = data.find(closing, end, hi)
            end = hi if close == -1 else close + len(closing)
            yield "literal", pos, end
        else:
            yield kind, pos, end  # type: ignore[misc]  # the lexer's other groups are named by their TokenKind
        pos = end


def tokenize(data: bytes, lo: int = 0, hi: int | None = None, *, keep_docs: bool = False,
             keep_comments: bool = False) -> list[Token]:
    """The tokens of `data[lo:hi]`; an unlexable byte becomes an `unknown` token. With
    `keep_docs`, doc comments are tokens of kind `doc`; with `keep_comments`, other
    comments are tokens of kind `comment`."""
    return [Token(kind, data[start:end].decode("utf-8", "replace"), start, end)
            for kind, start, end in scan(data, lo, hi)
            if (kind != "doc" or keep_docs) and (kind != "comment" or keep_comments)]


class TokenTree:
    """A delimited group: `open` and `close` tokens (close None when missing) and
    the trees between them; a plain token is a `Token`."""

    __slots__ = ("open", "trees", "close")

    def __init__(self, open: Token, trees: list[TokenTree | Token], close: Token | None) -> None:
        self.open = open
        self.trees = trees
        self.close = close

    @property
    def lo(self) -> int:
        return self.open.lo

    @property
    def hi(self) -> int:
        return self.close.hi if self.close is not None else (
            self.trees[-1].hi if self.trees else self.open.hi)


_CLOSES = {"(": ")", "[": "]", "{": "}"}


def token_trees(tokens: list[Token]) -> list[TokenTree | Token]:
    """Group tokens into trees by their delimiters; a stray closer stays a token."""
    root: list[TokenTree | Token] = []
    stack: list[TokenTree] = []
    for tok in tokens:
        top = stack[-1].trees if stack else root
        if tok.kind == "open":
            tree = TokenTree(tok, [], None)
            top.append(tree)
            stack.append(tree)
        elif tok.kind == "close" and stack and _CLOSES[stack[-1].open.text] == tok.text:
            stack.pop().close = tok
        else:
            top.append(tok)
    return root


def split_commas(trees: list[TokenTree | Token]) -> list[list[TokenTree | Token]]:
    """Top-level comma-separated parts; a trailing comma gives no empty last part."""
    parts: list[list[TokenTree | Token]] = [[]]
    for tree in trees:
        if isinstance(tree, Token) and tree.text == ",":
            parts.append([])
        else:
            parts[-1].append(tree)
    if not parts[-1]:
        parts.pop()
    return parts


def unescape_str(text: str) -> str | None:
    """The value of a (possibly raw, `b`/`c`-prefixed) string literal token, or None
    if `text` is not a string literal."""
    body = text.lstrip("bc")
    if body.startswith("r"):
        hashes = len(body) - len(body[1:].lstrip("#")) - 1
        inner = body[1 + hashes:]
        if inner.startswith('"') and inner.endswith('"' + "#" * hashes):
            return inner[1:len(inner) - 1 - hashes]
        return None
    if not (body.startswith('"') and '"' in body[1:]):
        return None
    inner = body[1:body.rindex('"')]
    return _unescape(inner)


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "0": "\0", "'": "'", '"': '"'}


def _unescape(inner: str) -> str:
    out: list[str] = []
    i, n = 0, len(inner)
    while i < n:
        ch = inner[i]
        if ch != "\\" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = inner[i + 1]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt == "x" and i + 3 < n + 1:
            out.append(chr(int(inner[i + 2:i + 4], 16)))
            i += 4
        elif nxt == "u" and inner[i + 2:i + 3] == "{":
            close = inner.index("}", i)
            out.append(chr(int(inner[i + 3:close].replace("_", ""), 16)))
            i = close + 1
        elif nxt == "\n":  # line continuation: skip the newline and leading whitespace
            i += 2
            while i < n and inner[i] in " \t\n\r":
                i += 1
        else:
            out.append(nxt)
            i += 2
    return "".join(out)
