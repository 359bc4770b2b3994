"""Spans as byte offsets, identifiers, and the line index that turns offsets into
rustc's `line:col` (columns in Unicode scalar values) and into LSP positions.

The model stores every span as a `(lo, hi)` tuple of UTF-8 byte offsets into the file:
cheap to create, and the only form tree-sitter and edits speak. Line and column are
computed on demand, as rustc's `SourceMap` does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Annotated, Literal

from ..patterns import lazy_regex


class Moves:
    """Marks, in a type, byte offsets that move with the text (`ast_core.shift`)."""


Span = Annotated[tuple[int, int], Moves]
"""`(lo, hi)`: UTF-8 byte offsets, `hi` exclusive."""

BytePos = Annotated[int, Moves]
"""A UTF-8 byte offset into the file."""

DUMMY_SP: Span = (0, 0)

PositionEncoding = Literal["utf-8", "utf-16", "utf-32"]


class Ident:
    """An identifier and its span (rustc's `Ident { name, span }`); raw identifiers
    keep their `r#` in `name`, lifetimes their `'`."""

    __slots__ = ("name", "span")
    __match_args__ = ("name", "span")

    def __init__(self, name: str, span: Span) -> None:
        self.name = name
        self.span = span

    def __repr__(self) -> str:
        return f"Ident({self.name!r}, {self.span})"


def _line_starts(data: bytes) -> list[int]:
    starts = [0]
    append, find = starts.append, data.find
    pos = find(b"\n")
    while pos != -1:
        append(pos + 1)
        pos = find(b"\n", pos + 1)
    return starts


_LSP_BREAK = lazy_regex(rb"\r\n?|\n")


def _lsp_starts(data: bytes, lo: int, hi: int) -> list[int]:
    """LSP line starts `s` with `lo < s <= hi`: after each `\\n`, `\\r\\n` and lone `\\r`
    whose last byte lies in `data[lo:hi]` (a `\\r` at `hi - 1` needs the byte after it)."""
    return [s for m in _LSP_BREAK().finditer(data, max(lo, 0), hi + 1) if lo < (s := m.end()) <= hi]


def _has_lone_cr(data: bytes, lo: int, hi: int) -> bool:
    pos = data.find(b"\r", max(lo, 0), hi)
    while pos != -1:
        if data[pos + 1:pos + 2] != b"\n":
            return True
        pos = data.find(b"\r", pos + 1, hi)
    return False


class LineIndex:
    """Line starts of a UTF-8 text, updated in place by edits.

    Two numberings: rustc's (`starts`, lines end at `\\n` only, as rustc's `SourceMap`
    and tree-sitter count them) for `line:col` of printed spans, and LSP's (lines end
    at `\\n`, `\\r\\n` or a lone `\\r`) for positions. They differ only in files with a
    lone `\\r`; until one appears, `lsp_starts` is `starts` itself.

    `data` is the text the index describes; it is replaced, not copied, on edits.
    """

    __slots__ = ("data", "lsp_starts", "starts")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = _line_starts(data)
        self.lsp_starts = _lsp_starts(data, -1, len(data)) if _has_lone_cr(data, 0, len(data)) else self.starts
        if self.lsp_starts is not self.starts:
            self.lsp_starts.insert(0, 0)

    def edit(self, start: int, old_end: int, new_text: bytes, new_data: bytes) -> None:
        """Replace `data[start:old_end]` by `new_text`; `new_data` is the result."""
        delta = len(new_text) - (old_end - start)
        new_end = start + len(new_text)
        shared = self.lsp_starts is self.starts
        starts = self.starts
        first = bisect_right(starts, start)  # lines starting after `start` change
        last = bisect_right(starts, old_end)
        inserted = [start + i + 1 for i, byte in enumerate(new_text) if byte == 10]
        starts[first:] = inserted + [s + delta for s in starts[last:]]
        self.data = new_data
        if shared:
            if _has_lone_cr(new_data, start - 1, new_end):
                self.lsp_starts = [0, *_lsp_starts(new_data, -1, len(new_data))]
            return
        # a break's kind depends on the byte after it: lines starting in
        # [start, old_end] are recomputed from the byte before the edit on
        lsp = self.lsp_starts
        first = bisect_left(lsp, max(start, 1))
        last = bisect_right(lsp, old_end)
        lsp[first:] = _lsp_starts(new_data, start - 1, new_end) + [s + delta for s in lsp[last:]]

    def line_of(self, offset: int) -> int:
        """0-based rustc line (`\\n`-terminated) containing `offset`."""
        return bisect_right(self.starts, offset) - 1

    def lsp_line(self, offset: int) -> int:
        """0-based LSP line containing `offset`."""
        return bisect_right(self.lsp_starts, offset) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """rustc's `line:col` of `offset`: both from 1, the column in characters of the
        text as rustc reads it (`\\r\\n` normalized to `\\n`). As in rustc's line table,
        the end of a file that ends with a newline is on its last line (no empty line
        starts there)."""
        line = bisect_right(self.starts, offset) - 1
        if line and offset == len(self.data) == self.starts[line]:
            line -= 1
        start = self.starts[line]
        prefix = self.data[start:offset]
        crlf = prefix.endswith(b"\r") and self.data[offset:offset + 1] == b"\n"
        if prefix.isascii():
            return line + 1, offset - start + 1 - crlf
        return line + 1, len(prefix.decode("utf-8", "replace")) + 1 - crlf

    def rustc_span(self, span: Span) -> list[int]:
        """`[lo_line, lo_col, hi_line, hi_col]` as docs/json.md prints spans."""
        return [*self.line_col(span[0]), *self.line_col(span[1])]

    def position(self, offset: int, encoding: PositionEncoding = "utf-16") -> tuple[int, int]:
        """LSP `(line, character)` of `offset`, both from 0."""
        line = bisect_right(self.lsp_starts, offset) - 1
        start = self.lsp_starts[line]
        prefix = self.data[start:offset]
        if prefix.isascii() or encoding == "utf-8":
            return line, offset - start
        text = prefix.decode("utf-8", "replace")
        if encoding == "utf-32":
            return line, len(text)
        return line, len(text.encode("utf-16-le")) // 2

    def offset(self, line: int, character: int, encoding: PositionEncoding = "utf-16") -> int:
        """Byte offset of the LSP position; positions past a line's end clamp to it,
        lines past the end to the end of the text (as the LSP spec asks)."""
        starts = self.lsp_starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.data)
        start = starts[line]
        if line + 1 < len(starts):  # the line's text ends before its break
            end = starts[line + 1] - 1
            if self.data[end] == 10 and end > start and self.data[end - 1] == 13:
                end -= 1
        else:
            end = len(self.data)
        raw = self.data[start:end]
        if encoding == "utf-8" or raw.isascii():
            return start + max(0, min(character, end - start))
        text = raw.decode("utf-8", "replace")
        if encoding == "utf-32":
            return start + len(text[: max(0, character)].encode("utf-8"))
        units = 0
        for index, char in enumerate(text):
            if units >= character:
                return start + len(text[:index].encode("utf-8"))
            units += 2 if ord(char) > 0xFFFF else 1
        return end
