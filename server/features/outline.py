"""Document symbols, folding ranges, selection ranges and NodeId inlay hints: views of
the tree's shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ast_core.passes.symbols import Symbol, document_symbols, folding_spans, id_hints

from .. import convert

if TYPE_CHECKING:
    from ..server import RustAstServer


def _symbol(sym: Symbol, index, encoding) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=sym.name or "_", detail=sym.detail, kind=getattr(types.SymbolKind, sym.kind),
        range=convert.to_range(index, sym.span, encoding),
        selection_range=convert.to_range(index, sym.selection, encoding),
        children=[_symbol(c, index, encoding) for c in sym.children])


def register(server: RustAstServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: RustAstServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        # Switched off: null, so the client takes another server's answer (rust-analyzer's).
        if not ls.documents.settings.outline_enable:
            return None
        opened = ls.documents.get(params.text_document.uri)
        index = opened.doc.index
        return [_symbol(s, index, ls.documents.encoding) for s in document_symbols(opened.analysis.krate.items)]

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding(ls: RustAstServer, params: types.FoldingRangeParams) -> list[types.FoldingRange] | None:
        if not ls.documents.settings.folding_enable:
            return None
        opened = ls.documents.get(params.text_document.uri)
        index = opened.doc.index
        seen = set()
        out = []
        for lo, hi in folding_spans(list(opened.analysis.krate.items)):
            start, end = index.lsp_line(lo), index.lsp_line(hi)
            if end > start and (start, end) not in seen:
                seen.add((start, end))
                out.append(types.FoldingRange(start_line=start, end_line=end))
        out.sort(key=lambda r: (r.start_line, r.end_line))
        return out

    @server.feature(types.TEXT_DOCUMENT_SELECTION_RANGE)
    def selection(ls: RustAstServer, params: types.SelectionRangeParams) -> list[types.SelectionRange] | None:
        if not ls.documents.settings.selection_range_enable:
            return None
        opened = ls.documents.get(params.text_document.uri)
        analysis = opened.analysis
        index = opened.doc.index
        encoding = ls.documents.encoding
        out = []
        for position in params.positions:
            offset = convert.offset(index, position, encoding)
            parent = types.SelectionRange(range=convert.to_range(index, analysis.krate.span, encoding))
            last = analysis.krate.span
            for node in analysis.nodes_at(offset):
                span = analysis.extent(node)
                if span is None or span == last:
                    continue
                parent = types.SelectionRange(range=convert.to_range(index, span, encoding), parent=parent)
                last = span
            if parent.range.start == parent.range.end and parent.parent is not None:
                parent = parent.parent
            out.append(parent)
        return out

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False))
    def inlay_hints(ls: RustAstServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        if not ls.documents.settings.inlay_hints_node_ids:
            return []
        opened = ls.documents.get(params.text_document.uri)
        index = opened.doc.index
        encoding = ls.documents.encoding
        lo = convert.offset(index, params.range.start, encoding)
        hi = convert.offset(index, params.range.end, encoding)
        roots = opened.analysis.roots_at(lo, hi)
        return [types.InlayHint(position=convert.position(index, offset, encoding), label=label,
                                padding_left=True)
                for offset, label in sorted(id_hints(roots, lo, hi))]
