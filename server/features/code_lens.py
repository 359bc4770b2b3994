"""Code lenses: those every feature contributes (`registry.Contributions.code_lenses`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from ..server import RustAstServer


def register(server: RustAstServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    def code_lens(ls: RustAstServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        opened = ls.documents.get(params.text_document.uri)
        return [lens for provider in ls.contributions.code_lenses for lens in provider(ls, opened)]
