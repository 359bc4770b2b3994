"""The facade the CLI and the server call: one file's derived facts, computed on use.

`Analysis` wraps a `Document` (the incremental state) and answers questions about its
current version: the tree as text or JSON, the NodeId table, the node under a cursor.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from .document import Document
from .model import DUMMY_NODE_ID, Crate, Visitor
from .render import node_class, node_kind, node_line, source_order, to_json_obj, tree_json, tree_text

# Extra id slots, by the reference's field names.
_SLOT_FIELDS = {"closure_id": None, "return_impl_trait_id": "return_impl_trait_id"}


class _IdCollector(Visitor):
    """Every assigned NodeId with the node that holds it and its slot name."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, Any, str]] = []
        self.stack: list[Any] = []

    def visit_id(self, owner: Any, field: str) -> None:
        value = getattr(owner, field)
        if value != DUMMY_NODE_ID:
            self.rows.append((value, owner, field))


class Analysis:
    """Facts about the current version of a `Document`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def krate(self) -> Crate:
        return self.doc.krate

    def tree_json(self, with_ids: bool = True) -> str:
        return tree_json(self.krate, self.doc.index, with_ids)

    def tree_text(self, with_ids: bool = True) -> str:
        return tree_text(self.krate, self.doc.index, with_ids)

    def json_obj(self, with_ids: bool = True) -> dict:
        return to_json_obj(self.krate, self.doc.index, with_ids)

    def id_rows(self) -> list[dict]:
        """`rust-ast ids --json`: one row per assigned NodeId, ordered by id."""
        collector = _IdCollector()
        collector.visit_id(self.krate, "id")
        for attr in self.krate.attrs:
            collector.visit_attribute(attr)
        for item in self.krate.items:
            collector.visit_item(item)
        index = self.doc.index
        out = []
        for value, owner, field in sorted(collector.rows, key=lambda r: r[0]):
            row: dict[str, Any] = {"id": value}
            node = owner
            row["class"] = node_class(node) if _is_node(node) else type(node).__qualname__
            row["kind"] = node_kind(node) if _is_node(node) else None
            span = getattr(node, "span", None)
            row["span"] = index.rustc_span(span) if isinstance(span, tuple) else None
            ident = getattr(node, "ident", None)
            if ident is not None:
                row["ident"] = ident.name
            if field not in ("id", "ref_id") and not (field == "closure_id"):
                row["field"] = field
            out.append(row)
        return out


def _is_node(obj: Any) -> bool:
    from .model import Node  # noqa: PLC0415

    return isinstance(obj, Node)


__all__ = ["Analysis", "node_line", "source_order"]
