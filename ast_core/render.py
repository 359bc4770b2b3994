"""The model as `rust-ast tree` prints it: docs/json.md's JSON, and the indented text.

Children come in source order as the recordings order them (`tests/rustc_dump.py`): rustc's
visiting order, stably sorted by where each child starts; a child rustc prints no span
for sorts by its first spanned descendant, else stays after its previous sibling.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from .model import (
    ADD_CHILDREN,
    DUMMY_NODE_ID,
    HAS_KIND,
    HAS_SPAN,
    ID_FIELD,
    JSON_CLASS,
    VARIANT_KIND,
    AssocItem,
    Attribute,
    Block,
    CoroutineKind,
    Crate,
    Expr,
    ExprKind,
    ForeignItem,
    Item,
    LineIndex,
    Pat,
    PatKind,
    Ty,
    TyKind,
    Visibility,
    VisibilityKind,
    children,
)
from .stack import paused_gc

_dumps = json.dumps


def node_class(node: Any) -> str:
    return JSON_CLASS[type(node)]


def node_kind(node: Any) -> str | None:
    """docs/json.md `kind`: the kind variant's name, or the class's own variant name."""
    cls = type(node)
    if cls in HAS_KIND:
        return type(node.kind).__name__.rstrip("_")
    return VARIANT_KIND.get(cls)


def id_slot(node: Any) -> tuple[Any, str] | None:
    """Where the NodeId rustc's dump shows for the node is kept, as `(owner, field)`;
    None for a node that has none (`pub(in path)` keeps it in its kind, `pub` has none)."""
    cls = type(node)
    if cls is Visibility:
        kind = node.kind
        return (kind, "id") if kind.__class__ is VisibilityKind.Restricted else None
    field = ID_FIELD.get(cls)
    return (node, field) if field is not None else None


def node_id(node: Any) -> int | None:
    """The NodeId rustc's dump shows for the node (None: none, or not yet assigned)."""
    slot = id_slot(node)
    value = getattr(*slot) if slot is not None else DUMMY_NODE_ID
    return None if value == DUMMY_NODE_ID else value


def extra_ids(node: Any) -> dict[str, int | None] | None:
    cls = type(node)
    if cls is Ty and node.kind.__class__ is TyKind.ImplTrait:
        value = node.kind.id
    elif isinstance(node, (CoroutineKind.Async, CoroutineKind.Gen, CoroutineKind.AsyncGen)):
        return {"return_impl_trait_id": None if node.return_impl_trait_id == DUMMY_NODE_ID
                else node.return_impl_trait_id}
    else:
        return None
    return {"impl_trait_id": None if value == DUMMY_NODE_ID else value}


def node_ident(node: Any) -> str | None:
    ident = getattr(node, "ident", None)
    if ident is None:
        kind = getattr(node, "kind", None)
        ident = getattr(kind, "ident", None)
    return ident.name if ident is not None else None


def json_span_lo(node: Any) -> int | None:
    return node.span[0] if type(node) in HAS_SPAN else None


def extras(node: Any) -> dict[str, str]:
    """Payload fields the reference also prints (operator, literal, style, ...)."""
    cls = type(node)
    if cls is Expr:
        kind = node.kind
        kc = kind.__class__
        if kc is ExprKind.Binary or kc is ExprKind.AssignOp or kc is ExprKind.Unary:
            return {"op": kind.op.value}
        if kc is ExprKind.Lit:
            return {"lit_kind": kind.lit.kind.value, "symbol": kind.lit.symbol}
    elif cls is Pat and node.kind.__class__ is PatKind.Ident:
        bm = node.kind.binding_mode
        return {"by_ref": "No" if bm.by_ref is None else "Yes", "mutbl": bm.mutbl.value}
    elif cls is Attribute:
        return {"style": node.style.value}
    elif cls is Block:
        return {"rules": node.rules.value}
    return {}


def source_order(node: Any) -> list:
    """Children in the reference's source order."""
    kids = children(node)
    return source_order_of(kids) if len(kids) > 1 else kids


def source_order_of(kids: list) -> list:
    """`kids` stably sorted by where each starts; one without a start stays after its
    previous sibling."""
    keyed = []
    prev = -1
    ordered = True
    for index, child in enumerate(kids):
        key = _key(child)
        if key is None:
            key = prev
        if key < prev:
            ordered = False
        prev = key
        keyed.append((key, index, child))
    if ordered:
        return kids
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in keyed]


def _key(node: Any) -> int | None:
    lo = json_span_lo(node)
    if lo is not None:
        return lo
    best = None
    for child in children(node):
        key = _key(child)
        if key is not None and (best is None or key < best):
            best = key
    return best


def walk_source_order(node: Any, depth: int = 0) -> Iterator[tuple[Any, int]]:
    """Pre-order `(node, depth)` in source order."""
    stack = [(node, depth)]
    while stack:
        cur, d = stack.pop()
        yield cur, d
        stack.extend((c, d + 1) for c in reversed(source_order(cur)))


class NoIdSource(Protocol):
    """Why a node without a NodeId has none (INTERFACE `no_id`): `code(node, around)`
    is "unreadable", "cfg" or "expansion"; `around` is the code of the nearest
    enclosing node without an id ("cfg" or "expansion"), or None."""

    def code(self, node: Any, around: str | None) -> str: ...


def to_json_obj(node: Any, index: LineIndex, with_ids: bool = True, no_id: NoIdSource | None = None) -> dict:
    """The node and its subtree as docs/json.md JSON objects (`nodes_json`, parsed)."""
    with paused_gc():
        return json.loads(nodes_json([node], index, with_ids, no_id=no_id))


def tree_json(root: Any, index: LineIndex, with_ids: bool = True, no_id: NoIdSource | None = None) -> str:
    """The node and its subtree as docs/json.md JSON."""
    return nodes_json([root], index, with_ids, no_id=no_id)


def nodes_json(nodes: list, index: LineIndex, with_ids: bool = True, id_offset: int = 0,
               no_id: NoIdSource | None = None) -> str:
    """Each node and its subtree as docs/json.md JSON, comma-separated, ids plus
    `id_offset` (for a part of a crate numbered from 0 elsewhere). This is the CLI's
    hot path (a large file has a hundred thousand nodes), so the per-node work is table
    lookups and string appends; the helpers above are inlined."""
    out: list[str] = []
    append = out.append
    positions: dict[int, str] = {}
    line_col = index.line_col
    starts = index.starts
    end = len(index.data)
    # ASCII without `\r`: a column is the distance in bytes to the line's start
    plain = index.data.isascii() and b"\r" not in index.data
    heads = _heads(with_ids)
    kind_text = _KIND_TEXT
    has_span = HAS_SPAN
    add_children = ADD_CHILDREN
    impl_trait = TyKind.ImplTrait
    dumps = _dumps
    dummy = DUMMY_NODE_ID
    empty_file = not index.data

    def pos(offset: int) -> str:
        if plain and offset != end:  # (the end of a file is `line_col`'s special case)
            line = bisect_right(starts, offset)
            text = positions[offset] = f"{line},{offset - starts[line - 1] + 1}"
        else:
            text = positions[offset] = "{},{}".format(*line_col(offset))
        return text

    def write(node: Any, around: str | None, text: str) -> None:
        """Append the node's JSON after `text` (its separator)."""
        cls = type(node)
        head, kind_of, id_field, id_const, spanned, special, ident_of, extra_of = heads[cls]
        text += head
        if kind_of:
            text += kind_text[type(node.kind)]
        if id_field:
            value = getattr(node, id_field)
            if value != dummy:
                text += f',"id":{value + id_offset}'
            elif no_id is not None:
                code = no_id.code(node, around)
                text += f',"id":null,"no_id":"{code}"'
                if code != "unreadable":
                    around = code
            else:
                text += ',"id":null'
        elif id_const:
            text += id_const
        if special and (cls is not Ty or node.kind.__class__ is impl_trait):  # (a Ty's only special id)
            text += _special(node, cls, with_ids, dumps, id_offset)
        if spanned and not (empty_file and cls is Crate):  # an empty file has no span
            lo, hi = node.span
            text += f',"span":[{positions.get(lo) or pos(lo)},{positions.get(hi) or pos(hi)}]'
        else:
            text += ',"span":null'
        if ident_of is not None:
            ident = ident_of(node)
            if ident is not None:
                text += ',"ident":' + (f'"{ident}"' if ident.isidentifier() else dumps(ident, ensure_ascii=False))
        if extra_of is not None:
            text += extra_of(node)
        kids: list = []
        add_children[cls](node, kids)
        if not kids:
            append(text + ',"children":[]}')
            return
        append(text + ',"children":[')
        if len(kids) > 1:
            kids = _in_source_order(kids, has_span)
        separator = ""
        for child in kids:
            write(child, around, separator)
            separator = ","
        append("]}")

    with paused_gc():
        separator = ""
        for node in nodes:
            write(node, None, separator)
            separator = ","
        return "".join(out)


def _in_source_order(kids: list, has_span: frozenset) -> list:
    """`source_order`'s sort, for a list of children already made (most are in order:
    checked first, without building the sort keys)."""
    prev = -1
    for child in kids:
        key = child.span[0] if type(child) in has_span else _key(child)
        if key is not None:
            if key < prev:
                return source_order_of(kids)
            prev = key
    return kids


def _special(node: Any, cls: type, with_ids: bool, dumps: Callable[..., str], offset: int) -> str:
    """The id and extra ids of classes that keep them in odd places."""
    text = ""
    if with_ids:
        if cls is Visibility:
            nid = node_id(node)
            text += ',"id":' + ("null" if nid is None else str(nid + offset))
            if id_slot(node) is None:
                text += ',"no_id":"never"'  # (a restricted one's id is in its kind)
        extra = extra_ids(node)
        if extra is not None:
            text += ',"extra_ids":' + dumps({k: v if v is None else v + offset for k, v in extra.items()})
    return text


class _KindText(dict):
    """`"kind"` JSON fragments by kind class, made on first use."""

    def __missing__(self, cls: type) -> str:
        text = self[cls] = f',"kind":"{cls.__name__.rstrip("_")}"'
        return text


_KIND_TEXT = _KindText()
_HEADS: dict[bool, dict[type, tuple]] = {}


def _heads(with_ids: bool) -> dict[type, tuple]:
    """Per class: the JSON head (class, and kind when fixed), whether the kind comes
    from `.kind`, the id field, a constant id text, whether rustc prints a span,
    whether its ids need `_special`, how to get its ident, and whether it has extras."""
    if with_ids not in _HEADS:
        table = {}
        for cls, name in JSON_CLASS.items():
            head = f'{{"class":"{name}"'
            kind_of = cls in HAS_KIND
            if not kind_of:
                variant = VARIANT_KIND.get(cls)
                head += ',"kind":null' if variant is None else f',"kind":"{variant}"'
            special = with_ids and (cls is Visibility or cls is Ty or cls in _COROUTINE_KINDS)
            id_field = ID_FIELD.get(cls) if with_ids and cls is not Visibility else None
            id_const = ',"id":null,"no_id":"never"' if with_ids and id_field is None and cls is not Visibility else ""
            table[cls] = (head, kind_of, id_field, id_const, cls in HAS_SPAN, special,
                          _ident_getter(cls), _EXTRA_JSON.get(cls))
        _HEADS[with_ids] = table
    return _HEADS[with_ids]


def _ident_getter(cls: type) -> Callable[[Any], str | None] | None:
    """How `node_ident` finds a class's ident, or None when it never has one."""
    slots = getattr(cls, "__slots__", ())
    if "ident" in slots:
        return node_ident
    if cls in (Item, AssocItem, ForeignItem, Expr, Pat):  # kinds holding an ident
        return _kind_ident
    return None


def _kind_ident(node: Any) -> str | None:
    ident = getattr(node.kind, "ident", None)
    return ident.name if ident is not None else None


def _json_str(text: str) -> str:
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return _dumps(text, ensure_ascii=False)


def _expr_extra(node: Any) -> str:
    kind = node.kind
    kc = kind.__class__
    if kc is ExprKind.Binary or kc is ExprKind.AssignOp or kc is ExprKind.Unary:
        return f',"op":"{kind.op.value}"'
    if kc is ExprKind.Lit:
        lit = kind.lit
        return f',"lit_kind":"{lit.kind.value}","symbol":{_json_str(lit.symbol)}'
    return ""


def _pat_extra(node: Any) -> str:
    if node.kind.__class__ is PatKind.Ident:
        bm = node.kind.binding_mode
        return f',"by_ref":"{"No" if bm.by_ref is None else "Yes"}","mutbl":"{bm.mutbl.value}"'
    return ""


_EXTRA_JSON: dict[type, Callable[[Any], str]] = {
    Expr: _expr_extra,
    Pat: _pat_extra,
    Attribute: lambda node: f',"style":"{node.style.value}"',
    Block: lambda node: f',"rules":"{node.rules.value}"',
}
"""`extras` as JSON text, per class (the writer's fast path)."""


_COROUTINE_KINDS = frozenset({CoroutineKind.Async, CoroutineKind.Gen, CoroutineKind.AsyncGen})



def node_line(node: Any, index: LineIndex, with_ids: bool = True) -> str:
    """One line of the text tree: `Expr::MethodCall #32 [2:72-2:80] max`."""
    kind = node_kind(node)
    out = JSON_CLASS[type(node)] + (f"::{kind}" if kind else "")
    if with_ids:
        nid = node_id(node)
        if nid is not None:
            out += f" #{nid}"
        shown = [f"{k}=#{v}" for k, v in (extra_ids(node) or {}).items() if v is not None]
        if shown:
            out += " (" + ", ".join(shown) + ")"
    if type(node) in HAS_SPAN:
        a, b, c, d = index.rustc_span(node.span)
        out += f" [{a}:{b}-{c}:{d}]"
    ident = node_ident(node)
    if ident is not None:
        out += f" {ident}"
    for key, value in extras(node).items():
        out += f" {key}={value}"
    return out


def tree_lines(node: Any, index: LineIndex, with_ids: bool = True) -> Iterator[str]:
    """The tree as text, a line at a time (the CLI writes them as they come)."""
    for n, depth in walk_source_order(node):
        yield "  " * depth + node_line(n, index, with_ids) + "\n"
