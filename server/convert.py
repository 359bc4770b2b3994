"""The one place where byte offsets meet LSP positions (UTF-16 by default, or the
`positionEncoding` negotiated at initialize)."""

from __future__ import annotations

from lsprotocol import types

from ast_core.model import LineIndex, Span
from ast_core.model.span import PositionEncoding

DIAGNOSTIC_SOURCE = "rust-ast"
"""`source` of every diagnostic the server publishes."""

ENCODINGS: dict[str, PositionEncoding] = {
    types.PositionEncodingKind.Utf8: "utf-8",
    types.PositionEncodingKind.Utf16: "utf-16",
    types.PositionEncodingKind.Utf32: "utf-32",
}


def offset(index: LineIndex, position: types.Position, encoding: PositionEncoding) -> int:
    return index.offset(position.line, position.character, encoding)


def position(index: LineIndex, byte: int, encoding: PositionEncoding) -> types.Position:
    line, character = index.position(byte, encoding)
    return types.Position(line=line, character=character)


def to_range(index: LineIndex, span: Span, encoding: PositionEncoding) -> types.Range:
    return types.Range(start=position(index, span[0], encoding), end=position(index, span[1], encoding))


def markdown(text: str) -> types.MarkupContent:
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
