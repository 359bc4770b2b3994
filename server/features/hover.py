"""Hover: the AST node under the cursor and its parents, rustc-style."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ast_core.passes.hover import hover_markdown

from .. import convert
from . import autodiff, check_cfg

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
        text = hover_markdown(path, doc.index, name, analysis.extent, analysis.no_id_reasons,
                              analysis.context_line())
        extra = autodiff.hover_section(opened, offset)
        if extra is not None:
            text = f"{extra}\n\n---\n\n{text}"
        cfg = check_cfg.hover_section(ls, opened, offset)
        if cfg is not None:
            text = f"{cfg[0]}\n\n---\n\n{text}"
        focus = cfg[1] if cfg is not None else analysis.extent(path[-1])
        return types.Hover(contents=convert.markdown(text),
                           range=convert.to_range(doc.index, focus, encoding) if focus else None)
