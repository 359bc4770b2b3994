"""Open documents: LSP text sync on top of `ast_core.document.Document`.

pygls keeps its own copy of every document and rebuilds the whole text on each
incremental change (O(file) per keystroke); the protocol class in `server.py` skips
that, and this module applies changes directly to our Document: a byte splice, the line
index, and `tree.edit`. Re-parsing waits for the next read.

A file is analysed in its crate (`ast_core.crate.Crates`, in the configuration the
settings make): its document is the crate's, and the crate reads open files from their
buffers, every other file from disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import to_fs_path

from ast_core.analysis import Analysis
from ast_core.targets import CfgSet, target_cfg
from ast_core.cfg.toolchain import Toolchain, shipped_toolchain
from ast_core.crate import PENDING, CrateFile, Crates, Request, parse_cfg_specs
from ast_core.document import Document, DocumentConfig
from ast_core.model.span import PositionEncoding
from ast_core.project import edition_for

from . import convert
from .config import Settings


@cache
def active_cfg(toolchain: Toolchain, triple: str, features: tuple[str, ...]) -> CfgSet:
    """The cfg set code is evaluated against: the target's (the host's when neither
    the toolchain nor the shipped table knows it), plus enabled features."""
    base = toolchain.target_cfg(triple) or target_cfg()
    return base | {("feature", f) for f in features}


def crate_request(settings: Settings) -> Request:
    """The configuration the settings ask cargo for."""
    return Request(settings.check_cfg_features, settings.cargo_all_features, settings.cargo_no_default_features,
                   parse_cfg_specs(settings.cfg_extra) or (), settings.cfg_target, settings.edition)


@dataclass(eq=False)
class OpenDocument:
    uri: str
    version: int
    path: Path | None
    doc: Document
    # loads the document's crate and puts the document in it (set while it is not)
    resolver: Callable[[OpenDocument], None] | None = None
    _analysis: Analysis | None = None

    @property
    def file(self) -> CrateFile | None:
        """The document's file in its crate (None for a buffer that is no file)."""
        self.resolve()
        return self.loaded_file

    @property
    def loaded_file(self) -> CrateFile | None:
        """`file`, without loading the crate: None while it is not loaded (what the
        first diagnostics read, which must not wait for the crate)."""
        link = self.doc.link
        return link if isinstance(link, CrateFile) else None

    @property
    def analysis(self) -> Analysis:
        """The document's analysis in its crate (loaded now if it was not)."""
        self.resolve()
        return self.loaded_analysis

    @property
    def loaded_analysis(self) -> Analysis:
        """`analysis`, without loading the crate (what the first diagnostics read): one
        per version, so what several requests read in a row (a hover, then inlay hints,
        then diagnostics) is computed once per edit (of this file, or of one before it
        in the crate: its ids move)."""
        self._analysis = Analysis.current(self._analysis, self.doc)
        return self._analysis

    def resolve(self) -> None:
        """Analyse the document in its crate now, if it was opened before its crate
        was loaded (`Documents.open`)."""
        if self.resolver is not None:
            resolver, self.resolver = self.resolver, None
            resolver(self)


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
        self.crates = self._crates()
        #: Called when files on disk changed what the crates read (the server lints again).
        self.disk_changed: Callable[[], None] = lambda: None

    def _crates(self) -> Crates:
        settings = self.settings
        return Crates(crate_request(settings), self.toolchain.target_cfg(settings.target))

    def __iter__(self):
        return iter(self._docs.values())

    def get(self, uri: str) -> OpenDocument:
        try:
            opened = self._docs[uri]
        except KeyError:
            raise DocumentNotOpen(uri) from None
        self.check_disk()
        return opened

    def check_disk(self) -> None:
        """Notice changes on disk (`Crates.check_disk`: at most once a second, unless
        `files_changed` made it due): documents follow their crates, `disk_changed` is
        called."""
        if self.crates.check_disk():
            self._follow_crates()
            self.disk_changed()

    def config_for(self, path: Path | None) -> DocumentConfig:
        settings = self.settings
        edition = settings.edition or edition_for(path)
        cfg = active_cfg(self.toolchain, settings.target, settings.check_cfg_features)
        return DocumentConfig(edition, cfg, path)

    def open(self, uri: str, version: int, text: str) -> OpenDocument:
        """Open a document. A file of a crate not loaded yet is first analysed alone,
        without ids, so that its diagnostics need not wait for the crate: the crate is
        loaded when ids are first asked for, or `resolve_soon`."""
        path = _path(uri)
        src = _utf8(text)
        if path is None or self.crates.loaded(path) is not None:
            opened = OpenDocument(uri, version, path, self._document(path, src))
        else:
            edition, cfg = self.crates.provisional(path)
            doc = Document(src, DocumentConfig(edition, cfg, path), PENDING, placed=False)
            opened = OpenDocument(uri, version, path, doc, self._resolve)
        self._docs[uri] = opened
        return opened

    def shares_crate(self, opened: OpenDocument) -> bool:
        """Whether another open document is in `opened`'s crate (its ids follow edits)."""
        file = opened.loaded_file
        return file is not None and any(
            other is not opened and other.loaded_file is not None and other.loaded_file.crate is file.crate
            for other in self._docs.values())

    def _resolve(self, opened: OpenDocument) -> None:
        opened.doc = self._document(opened.path, opened.doc.src)

    @staticmethod
    def resolve_soon(opened: OpenDocument, then: Callable[[], None]) -> None:
        """Load the document's crate once the messages already read are handled (the
        first diagnostics go out before), then call `then`."""
        if opened.resolver is None:
            return

        def resolve() -> None:
            if opened.resolver is not None:
                opened.resolve()
                then()

        asyncio.get_running_loop().call_soon(resolve)

    def _document(self, path: Path | None, src: bytes) -> Document:
        """The document of an opened file: its crate's, with the buffer's text."""
        if path is None:
            return Document(src, self.config_for(None))
        file = self.crates.open(path, src)
        if file.doc is None:  # (the crate could not read it: never, for an open buffer)
            return Document(src, self.config_for(path))
        return file.doc

    def change(self, uri: str, version: int,
               changes: Sequence[types.TextDocumentContentChangeEvent]) -> OpenDocument:
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
        opened = self._docs.pop(uri, None)
        if opened is not None and opened.path is not None:
            self.crates.close(opened.path)

    def files_changed(self, paths: list[Path]) -> None:
        """Files changed on disk (a watcher reports them, the editor saved them): checked
        now."""
        self.crates.files_changed(paths)
        self.check_disk()

    def _follow_crates(self) -> None:
        """Documents whose crate was dropped (its Cargo.toml changed) move to their
        new crate."""
        current = set(self.crates.crates())
        for opened in self._docs.values():
            file = opened.doc.link  # (a document still pending stays so)
            if isinstance(file, CrateFile) and file.crate not in current:
                opened.doc = self._document(opened.path, opened.doc.src)

    def reconfigure(self, settings: Settings, toolchain: Toolchain | None = None) -> None:
        """Apply new settings (and toolchain): documents whose configuration changes
        are rebuilt."""
        self.settings = settings
        self.toolchain = toolchain or self.toolchain
        crates = self._crates()
        if (crates.request, crates.target_cfg) == (self.crates.request, self.crates.target_cfg):
            return
        self.crates = crates
        crates.buffers.update((opened.path.resolve(), opened.doc.src) for opened in self._docs.values() if opened.path)
        for opened in self._docs.values():
            opened.doc, opened.resolver = self._document(opened.path, opened.doc.src), None


def _utf8(text: str) -> bytes:
    """JSON can carry lone surrogates; they become U+FFFD rather than invalid UTF-8."""
    return text.encode("utf-8", "replace")


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    fs_path = to_fs_path(uri)
    return Path(fs_path) if fs_path else None
