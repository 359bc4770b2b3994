"""Diagnostics, published per document version, coalesced, never stale.

Edits only splice text; the analysis runs when the diagnostics are published. A burst
of `didChange`s that arrives together is handled before the publish callback runs
(`call_soon` queues behind the messages already read), so it costs one analysis and
one publish, for the last version. A publish computes and sends in one step on the
event loop, for the version current then, so diagnostics of version N never follow
version N+1's change.

While the file has syntax errors, the incremental model may differ from a fresh
parse's (`Document.settle`); once typing pauses for `SETTLE_DELAY`, the document is
settled and, if that changed anything, published again for the same version.
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
SETTLE_DELAY = 0.3  # seconds without edits


def collect(server: RustAstServer, opened: OpenDocument) -> list[types.Diagnostic]:
    """Everything published for a document: its syntax errors, then what each feature
    finds (`registry.Contributions.diagnostic_sources`)."""
    index, encoding = opened.doc.index, server.documents.encoding
    syntax = [types.Diagnostic(range=convert.to_range(index, err.span, encoding), message=err.message,
                               severity=types.DiagnosticSeverity.Error, source=convert.DIAGNOSTIC_SOURCE,
                               code="syntax")
              for err in opened.doc.errors]
    return syntax + [diag for source in server.contributions.diagnostic_sources for diag in source(server, opened)]


class Publisher:
    """Schedules and publishes each document's diagnostics."""

    def __init__(self, server: RustAstServer) -> None:
        self.server = server
        self._pending: dict[str, asyncio.Handle] = {}

    def schedule(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self._pending[uri] = asyncio.get_running_loop().call_soon(self.publish, uri)

    def publish(self, uri: str) -> None:
        self._pending.pop(uri, None)
        server = self.server
        try:
            opened = server.documents.get(uri)
        except DocumentNotOpen:
            return
        version = opened.version
        diagnostics = collect(server, opened)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))
        if not opened.doc.exact:
            self._pending[uri] = asyncio.get_running_loop().call_later(SETTLE_DELAY, self._settle, uri, version)

    def _settle(self, uri: str, version: int) -> None:
        self._pending.pop(uri, None)
        try:
            opened = self.server.documents.get(uri)
        except DocumentNotOpen:
            return
        if opened.version == version and opened.doc.settle():
            self.publish(uri)

    def clear(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
