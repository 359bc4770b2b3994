"""Finding nodes by position and by NodeId.

rustc prints no span for some classes (PathSegment, Lifetime, GenericParam, FnDecl,
...); an editor still needs a range for them. `extent` gives every node one: its span,
else the one rustc's helpers give (`PathSegment::span`, `GenericParam::span`), else
the union of its children's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import (
    GenericParam,
    GenericParamKind,
    Label,
    Lifetime,
    PathSegment,
    Span,
    children,
)
from ..render import extra_ids, node_id


def extent(node: Any) -> Span | None:
    """The source range a node covers (None for nodes with no text, like an
    inherited visibility)."""
    cls = type(node)
    if cls is PathSegment:
        ident = node.ident.span
        args = extent(node.args) if node.args is not None else None
        return (ident[0], max(ident[1], args[1])) if args is not None else ident
    if cls is Lifetime or cls is Label:
        return node.ident.span
    if cls is GenericParam:
        kind = node.kind
        if isinstance(kind, GenericParamKind.Const):
            return kind.span
        if isinstance(kind, GenericParamKind.Type) and kind.default is not None:
            return (node.ident.span[0], kind.default.span[1])
        hi = node.ident.span[1]
        for bound in children(node):
            sub = extent(bound)
            if sub is not None:
                hi = max(hi, sub[1])
        return (node.ident.span[0], hi)
    span = getattr(node, "span", None)
    if isinstance(span, tuple) and span[1] >= span[0] and (span != (0, 0) or not children(node)):
        return span
    lo = hi = None
    for child in children(node):
        sub = extent(child)
        if sub is None:
            continue
        lo = sub[0] if lo is None else min(lo, sub[0])
        hi = sub[1] if hi is None else max(hi, sub[1])
    return None if lo is None else (lo, hi)


def path_to(roots: list[Any], offset: int, touching: bool) -> list[Any]:
    """The nodes at `offset`, outermost first: those holding the character after
    `offset` (an editor's mouse or block cursor is on that character). With
    `touching` (that character is blank: a cursor just after `foo`), a node ending at
    `offset` counts too, where no node holds the character. A node's outer attributes
    count as part of it (rustc's spans leave them out)."""
    path: list[Any] = []
    candidates = roots
    while True:
        best = best_key = None
        for node in candidates:
            span = _reach(node)
            if span is None or not (span[0] <= offset < span[1] or touching and span[1] == offset):
                continue
            key = (span[1] == offset, span[1] - span[0])
            if best_key is None or key < best_key:
                best, best_key = node, key
        if best is None:
            return path
        path.append(best)
        candidates = children(best)


def _reach(node: Any) -> Span | None:
    """`extent`, widened to the node's outer attributes (rustc's spans leave them out)."""
    span = extent(node)
    attrs = getattr(node, "attrs", None)
    if span is not None and attrs and attrs[0].span[0] < span[0]:
        return (attrs[0].span[0], span[1])
    return span


def covering(roots: list[Any], lo: int, hi: int) -> list[Any]:
    """The smallest nodes that together cover `lo..hi`: the deepest single node that
    contains the whole range, or the top-level nodes overlapping it."""
    inside = [n for n in roots if _contains(extent(n), lo, hi)]
    while len(inside) == 1:
        deeper = [c for c in children(inside[0]) if _contains(extent(c), lo, hi)]
        if len(deeper) != 1:
            return inside
        inside = deeper
    if inside:
        return inside
    return [n for n in roots if (s := extent(n)) is not None and s[0] < hi and s[1] > lo]


def _contains(span: Span | None, lo: int, hi: int) -> bool:
    return span is not None and span[0] <= lo and hi <= span[1]


def iter_nodes(roots: list[Any]) -> Iterator[Any]:
    """Every node below `roots`, pre-order."""
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def id_slots(node: Any) -> Iterator[tuple[int, str | None]]:
    """The NodeIds a node holds: its own (slot None), then secondary ones by the
    reference's slot names (`impl_trait_id`, `return_impl_trait_id`)."""
    own = node_id(node)
    if own is not None:
        yield own, None
    for slot, value in (extra_ids(node) or {}).items():
        if value is not None:
            yield value, slot
