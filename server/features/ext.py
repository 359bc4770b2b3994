"""rust-ast's own requests, in the `rustAst/` namespace (docs/lsp.md's table).

`editors/vscode/src/lsp_ext.ts` mirrors these names, as rust-analyzer's does;
`tests/test_ext_mirror.py` compares them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import JsonRpcContentModified, JsonRpcInvalidParams
from pygls.uris import from_fs_path

from ast_core.analysis import Analysis
from ast_core.crate import CrateFile
from ast_core.model.span import PositionEncoding
from ast_core.render import node_class, node_id, node_ident, node_kind

from .. import budget, convert

if TYPE_CHECKING:
    from ..server import RustAstServer

SYNTAX_TREE = "rustAst/syntaxTree"
NODE_AT = "rustAst/nodeAt"
NODE_IDS = "rustAst/nodeIds"
FIND_NODE_ID = "rustAst/findNodeId"
EXPAND_AUTODIFF = "rustAst/expandAutodiff"
CRATE_INFO = "rustAst/crateInfo"


def field(params: Any, *names: str, required: bool = True) -> Any:
    """`params.a.b` of a request whose params pygls leaves untyped, with a clear
    error when the client sent something else."""
    cur = params
    for name in names:
        cur = cur.get(name) if isinstance(cur, dict) else getattr(cur, name, None)
        if cur is None:
            if required:
                raise JsonRpcInvalidParams(f"missing params.{'.'.join(names)}")
            return None
    return cur


def position_param(params: Any, *names: str) -> types.Position:
    line, character = field(params, *names, "line"), field(params, *names, "character")
    if not isinstance(line, int) or not isinstance(character, int) or line < 0 or character < 0:
        raise JsonRpcInvalidParams(f"params.{'.'.join(names)} is not a position (non-negative integers)")
    return types.Position(line=line, character=character)


def node_entry(node: Any, index: Any, encoding: PositionEncoding, extent: Any) -> dict[str, Any]:
    span = extent(node)
    entry = {"class": node_class(node), "kind": node_kind(node), "id": node_id(node),
             "range": convert.to_range(index, span, encoding) if span else None}
    ident = node_ident(node)
    if ident is not None:
        entry["ident"] = ident
    return entry


def register(server: RustAstServer) -> None:
    @server.feature(SYNTAX_TREE)
    async def syntax_tree(ls: RustAstServer, params: Any) -> dict:
        opened = ls.documents.get(field(params, "textDocument", "uri"))
        limits = budget.Budget(
            budget.int_param(params, "maxNodes", budget.DEFAULT_MAX_NODES, budget.LIMIT_MAX_NODES),
            budget.int_param(params, "maxDepth", budget.DEFAULT_MAX_DEPTH, budget.LIMIT_MAX_DEPTH))
        analysis = opened.analysis
        doc, src = opened.doc, opened.doc.src
        index = doc.index
        if field(params, "range", required=False) is not None:
            lo = convert.offset(index, position_param(params, "range", "start"), ls.documents.encoding)
            hi = convert.offset(index, position_param(params, "range", "end"), ls.documents.encoding)
            nodes = analysis.covering(min(lo, hi), max(lo, hi))
        else:
            nodes = [analysis.krate]

        def still_valid() -> None:
            if opened.doc is not doc or doc.src is not src:
                raise JsonRpcContentModified("the document changed while its tree was rendered")

        text, json = await budget.bounded_tree(nodes, index, ls.documents.encoding, analysis.extent, limits,
                                               still_valid)
        if nodes[0] is analysis.krate and analysis.is_module:  # a module file's root is its Module node
            json = [{**analysis.module_head(), "children": json[0]["children"]}]
        return {"text": text, "json": json[0] if len(json) == 1 else json, "truncated": limits.truncated}

    @server.feature(NODE_AT)
    def node_at(ls: RustAstServer, params: Any) -> list[dict]:
        opened = ls.documents.get(field(params, "textDocument", "uri"))
        index = opened.doc.index
        offset = convert.offset(index, position_param(params, "position"), ls.documents.encoding)
        analysis = opened.analysis
        path = analysis.nodes_at(offset)
        return [node_entry(n, index, ls.documents.encoding, analysis.extent) for n in reversed(path)]

    @server.feature(NODE_IDS)
    def node_ids(ls: RustAstServer, params: Any) -> list[dict]:
        opened = ls.documents.get(field(params, "textDocument", "uri"))
        analysis = opened.analysis
        index = opened.doc.index
        window = None  # with `range`, only the rows of nodes that overlap it: what an editor shows
        if field(params, "range", required=False) is not None:
            lo = convert.offset(index, position_param(params, "range", "start"), ls.documents.encoding)
            hi = convert.offset(index, position_param(params, "range", "end"), ls.documents.encoding)
            window = (min(lo, hi), max(lo, hi))
        rows = []
        for value, node, slot in analysis.id_entries():
            if window is not None:
                span = analysis.extent(node)
                if span is None or span[1] < window[0] or span[0] > window[1]:
                    continue
            entry = node_entry(node, index, ls.documents.encoding, analysis.extent)
            entry["id"] = value
            if slot is not None:
                entry["field"] = slot
            rows.append(entry)
        return rows

    @server.feature(FIND_NODE_ID)
    def find_node_id(ls: RustAstServer, params: Any) -> types.Location | None:
        uri = field(params, "textDocument", "uri")
        opened = ls.documents.get(uri)
        wanted = field(params, "id")
        if not isinstance(wanted, int):
            raise JsonRpcInvalidParams("params.id must be an integer")
        node = opened.analysis.by_id.get(wanted)
        if node is None and opened.file is not None:  # in another file of the crate?
            found = find_in_crate(opened.file, wanted)
            if found is None:
                return None
            file, analysis, node = found
            span = analysis.extent(node)
            if span is None:
                return None
            return types.Location(uri=from_fs_path(str(file.path)) or str(file.path),
                                  range=convert.to_range(analysis.doc.index, span, ls.documents.encoding))
        span = opened.analysis.extent(node) if node is not None else None
        if span is None:
            return None
        return types.Location(uri=uri, range=convert.to_range(opened.doc.index, span, ls.documents.encoding))

    @server.feature(CRATE_INFO)
    def crate_info(ls: RustAstServer, params: Any) -> dict:
        opened = ls.documents.get(field(params, "textDocument", "uri"))
        info = opened.analysis.crate_info()
        info["checkCfgSession"] = ls.check_cfg.session_kind(opened)
        return info


def find_in_crate(start: CrateFile, wanted: int) -> tuple[CrateFile, Analysis, Any] | None:
    """The file of `start`'s crate holding NodeId `wanted`, its analysis and the node:
    the innermost file whose ids span it (a module file's range holds its own modules')."""
    crate = start.crate
    spans = []
    for file in crate.reached():
        if file.doc is None or not crate.prepare(file):
            continue
        doc = file.doc
        if doc is None or doc.next_id is None:
            continue
        first = 0 if file.is_root or doc.place is None else doc.place[0]
        if first <= wanted < doc.next_id:
            spans.append((doc.next_id - first, file, doc))
    for _, file, doc in sorted(spans, key=lambda entry: entry[0]):
        analysis = Analysis(doc)
        node = analysis.by_id.get(wanted)
        if node is not None:
            return file, analysis, node
    return None
