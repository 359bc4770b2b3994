"""`rust-ast tree --json` for a whole file, on two processes.

The CLI's work on a large file is lowering, numbering and writing JSON, all linear in
the top-level items, which are independent: a forked child takes the second half of
the items (about half of the syntax nodes), lowers and numbers them from id 0, and writes their JSON adding the first
id it gets from the parent once the parent has numbered the crate root and the first
half. Both halves run at once; on two cores a large file takes little more than half
the time. Small files, and files where the split would not be exact (crate inner
attributes or inner doc comments after the split point), take the one-process path.
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO

from . import syntax
from .analysis import Analysis
from .crate import module_loader
from .document import ClearIds, Document, DocumentConfig, group_units, lower_unit
from .lower import LowerCx, crate_span, is_inner_unit
from .model import Crate, LineIndex
from .passes.node_ids import NodeIdAssigner, crate_prefix
from .passes.no_id import NoIdReasons
from .render import nodes_json
from .stack import paused_gc

PARALLEL_MIN_BYTES = 64 * 1024
# Percent of a file's syntax nodes the parent takes: it also joins and writes the output,
# and runs slower per node than the child (CPU time, largest10 files: 1.0-1.4x)
PARENT_SHARE = 45
REMOVED = b"removed"
INNER = b"inner"  # the child's answer when its half holds crate inner attributes


def write_tree_json(src: bytes, config: DocumentConfig, out: BinaryIO, with_ids: bool = True) -> None:
    """Write the crate's JSON (docs/json.md) to `out` in UTF-8, as `Analysis.tree_json`
    gives it; without ids, nothing is numbered. The halves are written one after the
    other, never joined: a large file's JSON is megabytes, and each copy of it (joining,
    decoding the child's half, encoding the whole) cost several ms."""
    if len(src) < PARALLEL_MIN_BYTES or not hasattr(os, "fork"):
        out.write(Analysis(Document(src, config)).tree_json(with_ids).encode())
        return
    with paused_gc():  # (all through: a collection between lowering and writing walks the whole model)
        out.writelines(_two_processes(src, config, with_ids))


def _two_processes(src: bytes, config: DocumentConfig, with_ids: bool) -> list[bytes | memoryview]:
    """The JSON's pieces from the two-process run the module's docstring describes,
    where the split is exact (else from one process)."""
    spelled = syntax.spelled(src, config.edition)
    tree = syntax.parse_spelled(spelled.text)
    if tree.root_node.has_error:  # ids stop at code that could not be read: one process
        return [Analysis(Document(src, config)).tree_json(with_ids).encode()]
    children = tree.root_node.children
    cx = LowerCx(src, config.edition, spelled.places)
    units = list(group_units(cx, [c for c in children if c.is_named]))
    split = _split_point(cx, units)
    if split is None:
        return [Analysis(Document(src, config)).tree_json(with_ids).encode()]
    index = LineIndex(src)
    from_parent, to_child = os.pipe()  # (read end, write end)
    from_child, to_parent = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: second half
        status = 1
        try:
            os.close(to_child)
            os.close(from_child)
            inner, items, _ = _lower_and_number(cx, config, units[split:], 0, with_ids)
            message = _read_all(from_parent)
            if inner:  # found by lowering where `_split_point` did not look (an ERROR)
                payload = INNER
            else:
                if message == REMOVED:  # a crate `#![cfg(false)]`: rustc numbers no item
                    for item in items:
                        ClearIds().visit_item(item)
                    base = 0
                else:
                    base = int(message)
                payload = nodes_json(items, index, with_ids, base, _reasons(src, config)).encode()
            _write_all(to_parent, payload)
            status = 0
        finally:
            os._exit(status)
    os.close(from_parent)
    os.close(to_parent)
    attrs, items, next_id = _lower_and_number(cx, config, units[:split], None, with_ids)
    _write_all(to_child, str(next_id).encode() if next_id is not None else REMOVED)
    head = nodes_json([Crate(attrs, items, crate_span(cx, tree.root_node), id=0)], index, with_ids,
                      no_id=_reasons(src, config)).encode()
    rest = _read_all(from_child)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise RuntimeError(f"the worker process failed (status {status})")
    if rest == INNER:
        return [Analysis(Document(src, config)).tree_json(with_ids).encode()]
    if not rest:
        return [head]
    # `...,"children":[<attrs and first items>]}`: the second half joins that list
    closing = b"]}"
    return [memoryview(head)[: -len(closing)], b"," if items or attrs else b"", rest, closing]


def _reasons(src: bytes, config: DocumentConfig) -> NoIdReasons:
    """Why nodes have no id (the file reads without errors: never for unreadable code)."""
    return NoIdReasons(src, config.cfg, config.edition)


def _split_point(cx: LowerCx, units: list[list[Any]]) -> int | None:
    """The unit index that gives the parent `PARENT_SHARE` of the work, if no crate inner
    attribute or inner doc comment comes after it. The work of a unit is its count of
    syntax nodes (lowering, numbering and writing are linear in it; bytes are not: doc
    comments and long literals are cheap)."""
    weights = [sum(node.descendant_count for node in nodes) for nodes in units]
    share = sum(weights) * PARENT_SHARE // 100
    done = 0
    for index, weight in enumerate(weights):
        if done >= share:
            if any(is_inner_unit(cx, unit[0]) for unit in units[index:]):
                return None
            return index if 0 < index < len(units) else None
        done += weight
    return None


def _lower_and_number(cx: LowerCx, config: DocumentConfig, units: list[list[Any]],
                      first_id: int | None, with_ids: bool) -> tuple[list, list, int | None]:
    """Lower units and number their items (`with_ids`); `first_id` None numbers the
    crate root and its inner attributes first (the first half), else items start at
    `first_id`. The next free id, or None when a crate `#![cfg]` removes every item."""
    src = cx.src
    attrs: list = []
    items: list = []
    for nodes in units:
        unit_items, inner, _ = lower_unit(cx, nodes)
        items += unit_items
        attrs += inner
    if not with_ids:
        return attrs, items, 0
    assigner = NodeIdAssigner(src, config.cfg, first_id or 0, module_loader(config), config.edition)
    kept = True
    if first_id is None:
        kept = crate_prefix(assigner, Crate(attrs, [], (0, 0)), config.edition)
    if not kept:
        return attrs, items, None
    for item in items:
        assigner.visit_item(item)
    return attrs, items, assigner.next_id


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)
