"""Open documents: LSP text sync on top of `ast_core.document.Document`.

pygls keeps its own copy of every document and rebuilds the whole text on each
incremental change (O(file) per keystroke); the protocol class in `server.py` skips
that, and this module applies changes directly to our Document: a byte splice, the line
index, and `tree.edit`. Re-parsing waits for the next read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import to_fs_path

from ast_core.analysis import Analysis
from ast_core.cfg.targets import CfgSet, target_cfg
from ast_core.cfg.toolchain import Toolchain, shipped_toolchain
from ast_core.document import Document, DocumentConfig
from ast_core.model.span import PositionEncoding
from ast_core.project import edition_for

from . import convert
from .config import Settings

T = TypeVar("T")


@cache
def active_cfg(toolchain: Toolchain, triple: str, features: tuple[str, ...]) -> CfgSet:
    """The cfg set code is evaluated against: the target's (the host's when neither
    the toolchain nor the shipped table knows it), plus enabled features."""
    base = toolchain.target_cfg(triple) or target_cfg()
    return base | {("feature", f) for f in features}


@dataclass(eq=False)
class OpenDocument:
    uri: str
    version: int
    path: Path | None
    doc: Document
    _memo: dict[Hashable, Any] = field(default_factory=dict)
    _memo_of: tuple[Document, int] | None = None

    def memo(self, key: Hashable, compute: Callable[[Document], T]) -> T:
        """`compute(doc)` once per state of the model: what several requests read in a
        row (a hover, then inlay hints, then diagnostics) is computed once per edit."""
        doc = self.doc
        doc.sync()
        if self._memo_of is None or self._memo_of[0] is not doc or self._memo_of[1] != doc.revision:
            self._memo.clear()
            self._memo_of = (doc, doc.revision)
        if key not in self._memo:
            self._memo[key] = compute(self.doc)
        return self._memo[key]

    @property
    def analysis(self) -> Analysis:
        return self.memo("analysis", Analysis)


class DocumentNotOpen(JsonRpcInvalidParams):
    """A request about a document the client has not opened: an error response."""

    def __init__(self, uri: str) -> None:
        super().__init__(f"document not open: {uri}")


class Documents:
    """The open documents, and the settings and toolchain they are analysed with."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.toolchain = shipped_toolchain()
        self.encoding: PositionEncoding = "utf-16"
        self._docs: dict[str, OpenDocument] = {}

    def __iter__(self):
        return iter(self._docs.values())

    def get(self, uri: str) -> OpenDocument:
        try:
            return self._docs[uri]
        except KeyError:
            raise DocumentNotOpen(uri) from None

    def config_for(self, path: Path | None) -> DocumentConfig:
        settings = self.settings
        edition = settings.edition or edition_for(path)
        cfg = active_cfg(self.toolchain, settings.target, settings.check_cfg_features)
        return DocumentConfig(edition, cfg, path)

    def open(self, uri: str, version: int, text: str) -> OpenDocument:
        path = _path(uri)
        src = _utf8(text)
        opened = OpenDocument(uri, version, path, Document(src, self.config_for(path)))
        self._docs[uri] = opened
        return opened

    def change(self, uri: str, version: int,
               changes: list[types.TextDocumentContentChangeEvent]) -> OpenDocument:
        opened = self.get(uri)
        doc = opened.doc
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                start = convert.offset(doc.index, change.range.start, self.encoding)
                end = convert.offset(doc.index, change.range.end, self.encoding)
                doc.edit(start, max(start, end), _utf8(change.text))
            else:
                doc.edit(0, len(doc.src), _utf8(change.text))
        opened.version = version
        return opened

    def close(self, uri: str) -> None:
        self._docs.pop(uri, None)

    def reconfigure(self, settings: Settings, toolchain: Toolchain | None = None) -> None:
        """Apply new settings (and toolchain): documents whose configuration changes
        are rebuilt."""
        self.settings = settings
        self.toolchain = toolchain or self.toolchain
        for opened in self._docs.values():
            config = self.config_for(opened.path)
            if config != opened.doc.config:
                opened.doc = Document(opened.doc.src, config)


def _utf8(text: str) -> bytes:
    """JSON can carry lone surrogates; they become U+FFFD rather than invalid UTF-8."""
    return text.encode("utf-8", "replace")


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    fs_path = to_fs_path(uri)
    return Path(fs_path) if fs_path else None
