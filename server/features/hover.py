"""Hover: the AST node under the cursor and its parents, rustc-style, below the
sections features contribute there (`registry.Contributions.hover_sections`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ast_core.passes.hover import hover_markdown

from .. import convert

if TYPE_CHECKING:
    from ..server import RustAstServer


def register(server: RustAstServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: RustAstServer, params: types.HoverParams) -> types.Hover | None:
        if not ls.documents.settings.hover_enable:
            return None
        opened = ls.documents.get(params.text_document.uri)
        doc = opened.doc
        encoding = ls.documents.encoding
        analysis = opened.analysis
        offset = convert.offset(doc.index, params.position, encoding)
        path = analysis.nodes_at(offset)
        if not path:
            return None
        name = opened.path.name if opened.path is not None else params.text_document.uri.rsplit("/", 1)[-1]
        sections = [section for provider in ls.contributions.hover_sections
                    if (section := provider(ls, opened, offset)) is not None]
        node = hover_markdown(path, doc.index, name, analysis.extent, analysis.no_id_reasons,
                              analysis.context_line())
        text = "\n\n---\n\n".join([*(markdown for markdown, _ in sections), node])
        focus = next((span for _, span in sections if span is not None), None) or analysis.extent(path[-1])
        return types.Hover(contents=convert.markdown(text),
                           range=convert.to_range(doc.index, focus, encoding) if focus else None)
