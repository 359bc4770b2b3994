"""Hover text: the AST node under the cursor, in rustc's words.

```text
**ExprKind::MethodCall** `max` · `NodeId(32)`
`lib.rs:2:72: 2:80`
on `max`: PathSegment · `NodeId(35)`
Stmt::Let 28 › Block 41 › Item::Fn `add` 7
```
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import (
    HAS_KIND,
    AssocItem,
    Attribute,
    Block,
    BlockCheckMode,
    Expr,
    ExprKind,
    ForeignItem,
    GenericArgs,
    Item,
    LineIndex,
    Pat,
    PatKind,
    Path,
    PathSegment,
    QSelf,
    Span,
    Ty,
    TyKind,
)
from ..render import id_slot, node_class, node_id, node_ident, node_kind
from . import locate
from .no_id import NoIdReasons

# Nodes too small to be what a hover is about: a hover on them describes their parent.
STRUCTURAL = (Path, PathSegment, GenericArgs.AngleBracketed, GenericArgs.Parenthesized,
              GenericArgs.ParenthesizedElided, QSelf)
_KIND_ENUM = {Item: "ItemKind", AssocItem: "AssocItemKind", ForeignItem: "ForeignItemKind"}


def rustc_name(node: Any) -> str:
    """`ExprKind::MethodCall`, `VariantData::Tuple`, `Block`: what rustc calls it."""
    kind = node_kind(node)
    cls = type(node)
    if kind is None:
        return node_class(node)
    if cls in HAS_KIND:
        return f"{_KIND_ENUM.get(cls, node_class(node) + 'Kind')}::{kind}"
    return f"{node_class(node)}::{kind}"  # a class that is a variant (VariantData::Tuple)


def short_name(node: Any) -> str:
    """`Expr::MethodCall 32`, `Item::Fn `add` 7`: one link of a parent chain."""
    kind = node_kind(node)
    text = node_class(node) + (f"::{kind}" if kind else "")
    ident = node_ident(node)
    if ident is not None:
        text += f" `{ident}`"
    nid = node_id(node)
    return text + (f" {nid}" if nid is not None else "")


def id_text(node: Any, no_id: str | None = None) -> str:
    """`NodeId(42)`, or why there is none (`no_id`: the reason, `NoIdReasons`)."""
    nid = node_id(node)
    if nid is not None:
        return f"`NodeId({nid})`"
    if no_id is not None:
        return no_id
    return "no NodeId" if id_slot(node) is None else "no NodeId (numbered after expansion, or cfg'd out)"


def details(node: Any) -> str:
    """The payload a rustc contributor looks for first: name, operator, literal,
    mutability, method."""
    cls = type(node)
    parts: list[str] = []
    ident = node_ident(node)
    if ident is not None:
        parts.append(f"`{ident}`")
    if cls is Expr:
        kind = node.kind
        kc = type(kind)
        if kc in (ExprKind.Binary, ExprKind.AssignOp):
            parts.append(f"`{type(kind.op).__name__}::{kind.op.value}`")
        elif kc is ExprKind.Unary:
            parts.append(f"`UnOp::{kind.op.value}`")
        elif kc is ExprKind.Lit:
            lit = kind.lit
            suffix = f", suffix `{lit.suffix}`" if lit.suffix else ""
            parts.append(f"`LitKind::{lit.kind.value}` `{lit.symbol}`{suffix}")
        elif kc is ExprKind.MethodCall:
            parts.append(f"method `{kind.seg.ident.name}`")
        elif kc is ExprKind.AddrOf:
            parts.append(f"`BorrowKind::{kind.kind.value}`, `Mutability::{kind.mutbl.value}`")
        elif kc is ExprKind.Closure:
            parts.append(f"`CaptureBy::{kind.capture_clause.value}`")
    elif cls is Pat and type(node.kind) is PatKind.Ident:
        mode = node.kind.binding_mode
        by_ref = "No" if mode.by_ref is None else f"Yes({mode.by_ref.value})"
        parts.append(f"`BindingMode(ByRef::{by_ref}, Mutability::{mode.mutbl.value})`")
    elif cls is Ty and type(node.kind) in (TyKind.Ref, TyKind.Ptr):
        parts.append(f"`Mutability::{node.kind.mt.mutbl.value}`")
    elif cls is Block and node.rules is BlockCheckMode.Unsafe:
        parts.append("`BlockCheckMode::Unsafe`")
    elif cls is Attribute:
        parts.append(f"`AttrStyle::{node.style.value}`")
    return " ".join(parts)


def rustc_location(index: LineIndex, file_name: str, span: tuple[int, int]) -> str:
    a, b, c, d = index.rustc_span(span)
    return f"{file_name}:{a}:{b}: {c}:{d}"


def hover_markdown(path: list[Any], index: LineIndex, file_name: str,
                   extent: Callable[[Any], Span | None] = locate.extent,
                   reasons: NoIdReasons | None = None, context: str | None = None) -> str:
    """Markdown for the innermost node of `path` (outermost first); `extent` gives a
    node's range (the server passes `Analysis.extent`, which is `locate.extent`),
    `reasons` why a node has no id, `context` the crate and configuration the file is
    analysed in (a last line)."""
    focus_at = len(path) - 1
    while focus_at > 0 and isinstance(path[focus_at], STRUCTURAL):
        focus_at -= 1
    focus = path[focus_at]

    def ids(upto: int) -> str:
        node = path[upto]
        why = reasons.reason(path[:upto + 1])[1] if reasons is not None and node_id(node) is None else None
        return id_text(node, why)

    lines = [" · ".join(x for x in (f"**{rustc_name(focus)}** {details(focus)}".rstrip(), ids(focus_at)) if x)]
    span = extent(focus)
    if span is not None:
        lines.append(f"`{rustc_location(index, file_name, span)}`")
    if focus_at < len(path) - 1:
        leaf = path[-1]
        lines.append(f"on {short_name(leaf).split(' ')[0]} {details(leaf)} · {ids(len(path) - 1)}".replace("  ", " "))
    chain = [short_name(n) for n in reversed(path[:focus_at])
             if not isinstance(n, STRUCTURAL)]
    if chain:
        lines.append(" › ".join(chain))
    if context:
        lines.append(context)
    return "  \n".join(lines)
