"""Diagnostics, published per document version, coalesced, never stale.

Edits only splice text; the analysis runs when the diagnostics are published. A burst
of `didChange`s that arrives together is handled before the publish callback runs
(`call_soon` queues behind the messages already read), so it costs one analysis and
one publish, for the last version. A callback finding a newer version than it was
scheduled for does nothing: a newer callback is queued.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from lsprotocol import types

from .. import convert
from ..documents import DocumentNotOpen, OpenDocument

if TYPE_CHECKING:
    from ..server import RustAstServer

log = logging.getLogger(__name__)
SOURCE = "rust-ast"


def collect(opened: OpenDocument, encoding: str) -> list[types.Diagnostic]:
    index = opened.doc.index
    return [types.Diagnostic(range=convert.to_range(index, err.span, encoding), message=err.message,
                             severity=types.DiagnosticSeverity.Error, source=SOURCE, code="syntax")
            for err in opened.doc.errors]


class Publisher:
    """Schedules and publishes each document's diagnostics."""

    def __init__(self, server: RustAstServer) -> None:
        self.server = server
        self._pending: dict[str, asyncio.Handle] = {}

    def schedule(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (tests calling handlers directly): publish now
            self.publish(uri)
            return
        self._pending[uri] = loop.call_soon(self.publish, uri)

    def publish(self, uri: str) -> None:
        self._pending.pop(uri, None)
        server = self.server
        try:
            opened = server.documents.get(uri)
        except DocumentNotOpen:
            return
        version = opened.version
        diagnostics = collect(opened, server.documents.encoding)
        if opened.version != version:  # superseded while computing: the next publish wins
            return
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def clear(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
