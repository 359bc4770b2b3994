"""The outline of a file: document symbols (items, associated items, fields,
variants, nested), folding ranges (items and blocks), and NodeId inlay hints."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    AssocItem,
    Block,
    Expr,
    FieldDef,
    ForeignItem,
    Item,
    ItemKind,
    ModKind,
    Pat,
    Span,
    Variant,
    VariantData,
    children,
)
from ..render import node_id

# LSP SymbolKind names per item kind (the server maps names to numbers).
SYMBOL_KINDS = {
    "Fn": "Function", "Struct": "Struct", "Union": "Struct", "Enum": "Enum", "Trait": "Interface",
    "TraitAlias": "Interface", "Impl": "Object", "Mod": "Module", "ForeignMod": "Namespace",
    "Const": "Constant", "Static": "Variable", "TyAlias": "TypeParameter", "Type": "TypeParameter",
    "MacroDef": "Function", "MacCall": "Event", "Use": "Package", "ExternCrate": "Package",
}


@dataclass
class Symbol:
    name: str
    detail: str
    kind: str  # an LSP SymbolKind name
    span: Span
    selection: Span
    children: list[Symbol] = field(default_factory=list)


def _item_symbol(item: Any) -> Symbol | None:
    """An item's symbol with its nested ones; None for `use` and nameless items. An
    extern block is an `extern "C"` symbol holding its foreign items."""
    kind = item.kind
    kind_name = type(kind).__name__
    ident = getattr(kind, "ident", None)
    if kind_name == "Impl":
        name = "impl " + _text_of_self_ty(kind)
        selection = kind.self_ty.span
    elif kind_name == "ForeignMod":
        name = "extern" + (f' "{kind.abi.symbol}"' if kind.abi is not None else "")
        selection = kind.extern_span
    elif ident is not None and ident.name:
        name, selection = ident.name, ident.span
    elif kind_name == "MacCall":
        name = "".join(seg.ident.name for seg in kind.mac.path.segments[-1:]) + "!"
        selection = kind.mac.path.span
    else:
        return None
    prefix = {Item: "Item", AssocItem: "AssocItem", ForeignItem: "ForeignItem"}[type(item)]
    symbol = Symbol(name, _detail(item, f"{prefix}::{kind_name}"), SYMBOL_KINDS.get(kind_name, "Object"),
                    item.span, selection)
    symbol.children = list(_nested_symbols(item))
    return symbol


def _text_of_self_ty(kind: Any) -> str:
    path = getattr(kind.self_ty.kind, "path", None)
    name = path.segments[-1].ident.name if path is not None and path.segments else type(kind.self_ty.kind).__name__
    if kind.of_trait is not None:
        segments = kind.of_trait.trait_ref.path.segments
        return f"{segments[-1].ident.name if segments else '?'} for {name}"
    return name


def _nested_symbols(item: Any) -> Iterator[Symbol]:
    kind = item.kind
    if isinstance(kind, (ItemKind.Impl, ItemKind.Trait, ItemKind.ForeignMod)):
        yield from document_symbols(kind.items)
    elif isinstance(kind, ItemKind.Mod) and isinstance(kind.mod_kind, ModKind.Loaded):
        yield from document_symbols(kind.mod_kind.items)
    elif isinstance(kind, ItemKind.Enum):
        for variant in kind.variants:
            yield Symbol(variant.ident.name, _detail(variant, "Variant"), "EnumMember", variant.span,
                         variant.ident.span, list(_field_symbols(variant.data)))
    elif isinstance(kind, (ItemKind.Struct, ItemKind.Union)):
        yield from _field_symbols(kind.data)


def _field_symbols(data: Any) -> Iterator[Symbol]:
    fields = getattr(data, "fields", ())
    for index, fdef in enumerate(fields):
        name = fdef.ident.name if fdef.ident is not None else str(index)
        selection = fdef.ident.span if fdef.ident is not None else fdef.ty.span
        yield Symbol(name, _detail(fdef, "FieldDef"), "Field", fdef.span, selection)


def _detail(node: Any, cls: str) -> str:
    nid = node_id(node)
    return cls + (f" NodeId({nid})" if nid is not None else "")


def document_symbols(items: Sequence[Any]) -> list[Symbol]:
    out = []
    for item in items:
        sym = _item_symbol(item)
        if sym is not None:
            out.append(sym)
    return out


def folding_spans(roots: list[Any]) -> Iterator[Span]:
    """Items and blocks (the server keeps those spanning several lines)."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, (Item, AssocItem, ForeignItem, Block)):
            yield node.span
        stack.extend(children(node))


def id_hints(roots: list[Any], lo: int, hi: int) -> Iterator[tuple[int, str]]:
    """`(offset, label)` for NodeId inlay hints in `lo..hi`, placed where
    `-Zunpretty=expanded,identified` prints its comments: after items, blocks,
    expressions and patterns."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        span = getattr(node, "span", None)
        if isinstance(span, tuple) and (span[1] < lo or span[0] > hi):
            continue
        cls = type(node)
        if cls in (Item, AssocItem, ForeignItem, Block, Expr, Pat, Variant, FieldDef) or isinstance(
                node, (VariantData.Tuple, VariantData.Unit)):
            nid = node_id(node)
            if nid is not None and isinstance(span, tuple) and lo <= span[1] <= hi:
                label = {Block: f"block {nid}", Pat: f"pat {nid}"}.get(cls, str(nid))
                yield span[1], f"/* {label} */"
        stack.extend(children(node))
