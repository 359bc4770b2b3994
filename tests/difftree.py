"""Compare rust-ast's tree with rustc's, node for node (class, kind, span, id).

Both trees are flattened in pre-order to rows `(depth, class, kind, span, id)` and
aligned with difflib on `(depth, class, kind, span)`: a node counts as matched when
its row aligns. Ids are then checked on matched rows: where rust-ast gives an id it
must be rustc's; where it gives null, rustc's id must lie beyond the last id of
rustc's first walk (a node numbered only after expansion, node-ids.md §6), or the
node must say `"no_id": "unreadable"` (it follows code tree-sitter could not read).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Row = tuple  # (depth, class, kind, span-or-None, id-or-None, extra-ids-or-None, unreadable)


def flatten(tree: dict) -> list[Row]:
    rows: list[Row] = []
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        span = tuple(node["span"]) if node.get("span") else None
        extra = node.get("extra_ids") or None
        rows.append((depth, node["class"], node["kind"], span, node.get("id"),
                     tuple(sorted(extra.items())) if extra else None, node.get("no_id") == "unreadable"))
        stack.extend((c, depth + 1) for c in reversed(node["children"]))
    return rows


def save_rows(path: Path, rows: list[Row]) -> None:
    """Write rows as a JSON array, one compact row per line, so a re-recorded tree
    diffs line by line."""
    lines = [json.dumps(list(r[:3]) + [list(r[3]) if r[3] else None, r[4], dict(r[5]) if r[5] else None],
                        separators=(",", ":"), ensure_ascii=False) for r in rows]
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


def load_rows(path: Path) -> list[Row]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(r[0], r[1], r[2], tuple(r[3]) if r[3] else None, r[4],
             tuple(sorted(r[5].items())) if r[5] else None, False) for r in data]


@dataclass
class Comparison:
    ref_nodes: int = 0
    matched: int = 0
    ids_checked: int = 0
    ids_equal: int = 0
    node_diffs: list[str] = field(default_factory=list)
    id_diffs: list[str] = field(default_factory=list)

    def add(self, other: Comparison) -> None:
        self.ref_nodes += other.ref_nodes
        self.matched += other.matched
        self.ids_checked += other.ids_checked
        self.ids_equal += other.ids_equal
        self.node_diffs += other.node_diffs
        self.id_diffs += other.id_diffs


def _fmt(row: Row) -> str:
    depth, cls, kind, span, nid, extra = row[:6]
    where = f"[{span[0]}:{span[1]}-{span[2]}:{span[3]}]" if span else "[-]"
    return f"{'  ' * depth}{cls}{'::' + kind if kind else ''} {where} #{nid}" + (f" {dict(extra)}" if extra else "")


def compare(ours: list[Row], ref: list[Row], our_last_id: int, context: str = "") -> Comparison:
    """Align the two flattened trees; count matches and collect differences."""
    key = lambda r: r[:4]  # noqa: E731
    a = [key(r) for r in ref]
    b = [key(r) for r in ours]
    result = Comparison(ref_nodes=len(ref))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.matched += i2 - i1
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                _check_ids(ref[i], ours[j], our_last_id, result, context)
        else:
            for i in range(i1, i2):
                result.node_diffs.append(f"{context}: rustc  {_fmt(ref[i])}")
            for j in range(j1, j2):
                result.node_diffs.append(f"{context}: ours   {_fmt(ours[j])}")
    return result


def _check_ids(ref: Row, ours: Row, our_last_id: int, result: Comparison, context: str) -> None:
    pairs = [(ref[4], ours[4], "id")]
    ref_extra, our_extra = dict(ref[5] or ()), dict(ours[5] or ())
    pairs += [(ref_extra.get(k), our_extra.get(k), k) for k in sorted(set(ref_extra) | set(our_extra))]
    for want, got, slot in pairs:
        if want is None and got is None:
            continue
        result.ids_checked += 1
        unreadable = ours[6] and slot == "id"
        if want == got or (got is None and want is not None and (want > our_last_id or unreadable)):
            result.ids_equal += 1
        else:
            result.id_diffs.append(f"{context}: {slot} rustc {want} ours {got}  {_fmt(ours)}")


def our_rows(path: Path, edition: int) -> tuple[list[Row], int]:
    """rust-ast's flattened tree of a file and its last first-walk id (when code that
    could not be read makes the count unknown: the last id it gives)."""
    from ast_core.analysis import Analysis
    from ast_core.document import Document, DocumentConfig
    from ast_core.project import read_source
    from ast_core.targets import target_cfg

    doc = Document(read_source(path), DocumentConfig(edition, target_cfg(), path))
    rows = flatten(Analysis(doc).json_obj())
    last = doc.next_id - 1 if doc.next_id is not None else max((r[4] for r in rows if r[4] is not None), default=0)
    return rows, last


def summary(c: Comparison) -> dict[str, Any]:
    return {"nodes": c.ref_nodes, "matched": c.matched,
            "node_match_pct": round(100 * c.matched / max(1, c.ref_nodes), 3),
            "ids_checked": c.ids_checked, "ids_equal": c.ids_equal,
            "id_match_pct": round(100 * c.ids_equal / max(1, c.ids_checked), 3)}
