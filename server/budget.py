"""What one reply may cost: `rustAst/syntaxTree` sized to what an editor can show, and
files over `rustAst.maxFileSize` kept as text only.

The whole tree of a large file is hundreds of megabytes of JSON and text (and a deep
expression, indented per level, grows with the square of its depth). The server sends
at most `max_nodes` nodes, `max_depth` levels deep; each cut is a `...` node, in the
text and in the JSON alike (line for line, node for node in pre-order, as the editors
read them), whose `range` is the continuation: ask for the tree of that range.
Rendering awaits between chunks, so a `$/cancelRequest` or an edit that arrives
meanwhile stops it (-32800, -32801).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from ast_core.model import LineIndex, Span
from ast_core.model.span import PositionEncoding
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams

from ast_core.render import (
    HAS_SPAN,
    extra_ids,
    extras,
    node_class,
    node_id,
    node_ident,
    node_kind,
    node_line,
    source_order,
)

from . import convert

DEFAULT_MAX_NODES = 20_000
"""Nodes per reply unless the client asks for another budget (a tree view shows a few
thousand lines at most; a continuation fetches more)."""
DEFAULT_MAX_DEPTH = 100
LIMIT_MAX_NODES = 1_000_000
LIMIT_MAX_DEPTH = 500
CHUNK = 2_000
"""Nodes rendered between two chances for other messages (cancellation) to be read."""

ELLIPSIS = "..."


def node_json(node: Any, index: LineIndex) -> dict[str, Any]:
    """One node as docs/json.md JSON, without its children."""
    cls = type(node)
    out: dict[str, Any] = {"class": node_class(node), "kind": node_kind(node), "id": node_id(node)}
    extra = extra_ids(node)
    if extra is not None:
        out["extra_ids"] = extra
    out["span"] = index.rustc_span(node.span) if cls in HAS_SPAN and (index.data or node_class(node) != "Crate") \
        else None
    ident = node_ident(node)
    if ident is not None:
        out["ident"] = ident
    out.update(extras(node))
    return out


class Budget:
    """Nodes left to send, the depth cut, and whether anything was cut."""

    def __init__(self, max_nodes: int, max_depth: int) -> None:
        self.left = max_nodes
        self.max_depth = max_depth
        self.truncated = False


async def bounded_tree(roots: list[Any], index: LineIndex, encoding: PositionEncoding,
                       extent: Callable[[Any], Span | None], budget: Budget,
                       still_valid: Callable[[], None]) -> tuple[str, list[dict]]:
    """The text and JSON of `roots` within `budget`. `still_valid` raises when the
    document changed meanwhile; it is called after every pause."""
    lines: list[str] = []
    since_pause = 0

    def ellipsis(depth: int, omitted: list[Any]) -> dict[str, Any]:
        budget.truncated = True
        spans = [s for s in map(extent, omitted) if s is not None]
        lines.append("  " * depth + ELLIPSIS)
        cut: dict[str, Any] = {"class": ELLIPSIS, "kind": None, "id": None, "span": None, "children": []}
        if spans:
            lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
            cut["range"] = convert.to_range(index, (lo, hi), encoding)
        return cut

    async def render(node: Any, depth: int) -> dict[str, Any]:
        nonlocal since_pause
        out = node_json(node, index)
        lines.append("  " * depth + node_line(node, index))
        budget.left -= 1
        since_pause += 1
        if since_pause >= CHUNK:
            since_pause = 0
            await asyncio.sleep(0)
            still_valid()
        kids = source_order(node)
        children: list[dict[str, Any]] = []
        if kids and depth + 1 > budget.max_depth:
            children.append(ellipsis(depth + 1, kids))
        else:
            for position, kid in enumerate(kids):
                if budget.left <= 0:
                    children.append(ellipsis(depth + 1, kids[position:]))
                    break
                children.append(await render(kid, depth + 1))
        out["children"] = children
        return out

    json = []
    for position, root in enumerate(roots):
        if budget.left <= 0:
            json.append(ellipsis(0, roots[position:]))
            break
        json.append(await render(root, 0))
    return "".join(line + "\n" for line in lines), json


def int_param(params: Any, name: str, default: int, limit: int) -> int:
    """An optional positive integer param, at most `limit`."""
    value = params.get(name) if isinstance(params, dict) else getattr(params, name, None)
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise JsonRpcInvalidParams(f"params.{name} must be a positive integer")
    return min(value, limit)


TOO_LARGE = "rust-ast: this file is {size:,} bytes, over rustAst.maxFileSize ({limit:,}): it is not analysed"


class OversizedText:
    """A document over `rustAst.maxFileSize`: its text follows the client's edits (so
    that it is analysed again once it shrinks), and nothing else is computed."""

    def __init__(self, version: int, src: bytes) -> None:
        self.version = version
        self.index = LineIndex(src)

    @property
    def src(self) -> bytes:
        return self.index.data

    def change(self, version: int, changes: Sequence[types.TextDocumentContentChangeEvent],
               encoding: PositionEncoding) -> None:
        for change in changes:
            src = self.index.data
            if isinstance(change, types.TextDocumentContentChangePartial):
                start = convert.offset(self.index, change.range.start, encoding)
                end = max(start, convert.offset(self.index, change.range.end, encoding))
                new = change.text.encode("utf-8", "replace")
                self.index.edit(start, end, new, src[:start] + new + src[end:])
            else:
                self.index = LineIndex(change.text.encode("utf-8", "replace"))
        self.version = version

    def diagnostic(self, limit: int) -> types.Diagnostic:
        return types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=TOO_LARGE.format(size=len(self.src), limit=limit), severity=types.DiagnosticSeverity.Warning,
            source=convert.DIAGNOSTIC_SOURCE, code="too-large")


def document_uri(params: Any) -> str | None:
    """`params.textDocument.uri` of a request, typed or not (None: it names none)."""
    doc = params.get("textDocument") if isinstance(params, dict) else getattr(params, "text_document", None)
    uri = doc.get("uri") if isinstance(doc, dict) else getattr(doc, "uri", None)
    return uri if isinstance(uri, str) else None
