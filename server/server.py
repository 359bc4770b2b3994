"""The language server: wiring only. Features live in `features/`, one module each.

`rust-ast serve` runs it over stdio (or `--tcp HOST:PORT`). The server never writes to
stdout itself (that is the LSP stream): logs go to the client as `window/logMessage`.
An exception in a handler answers that request with an error and is logged; every open
document stays open.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import stat
import sys
import threading
from typing import Any

from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

from . import budget, convert
from .config import parse_settings
from .documents import DocumentNotOpen, Documents
from .features import autodiff, check_cfg, code_lens, diagnostics, disk, ext, hover, outline
from .features.registry import Contributions
from .protocol import MAX_HEADER_LINE, RustAstProtocol, serve_frames

log = logging.getLogger("server")
_NOTHING_APPLIED = object()
VERSION = "0.1.0"


class ClientLogHandler(logging.Handler):
    """Forwards log records to the client (`window/logMessage`), as esbonio does."""

    LEVELS = {logging.ERROR: types.MessageType.Error, logging.WARNING: types.MessageType.Warning,
              logging.INFO: types.MessageType.Info, logging.DEBUG: types.MessageType.Log}

    def __init__(self, server: LanguageServer) -> None:
        super().__init__()
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = self.LEVELS.get(record.levelno, types.MessageType.Log)
            self.server.window_log_message(types.LogMessageParams(type=level, message=self.format(record)))
        except Exception:  # noqa: BLE001 - logging must never raise into the server
            pass


class PipeReader:
    """stdin as an asyncio stream. pygls reads stdin on a thread, one line per await,
    so the loop runs between any two messages; reading a pipe directly, messages that
    arrived together are handled back to back, and the diagnostics callback queued by
    the first (`call_soon`) runs after the last: a burst costs one analysis."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self.stream = stream

    async def readline(self) -> bytes:
        return await self.stream.readline()

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self.stream.readexactly(n)
        except asyncio.IncompleteReadError as err:
            return err.partial


class FileReader:
    """stdin that is not a pipe (a file), read on a thread; lines are bounded too."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    async def readline(self) -> bytes:
        return await asyncio.to_thread(self.stream.readline, MAX_HEADER_LINE + 1)

    async def readexactly(self, n: int) -> bytes:
        return await asyncio.to_thread(self.stream.read, n)


class RustAstServer(LanguageServer):
    protocol: RustAstProtocol  # made by pygls from protocol_cls

    def __init__(self) -> None:
        super().__init__("rust-ast", VERSION, protocol_cls=RustAstProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = Documents()
        self.contributions = Contributions()  # what features add to hovers, diagnostics, code lenses
        self.raw_settings: Any = _NOTHING_APPLIED
        self.settings_pushes = 0  # a fetch answered after a push must not undo it
        self.publisher = diagnostics.Publisher(self)
        self.check_cfg = check_cfg.CheckCfgState(self.documents)
        self.disk_poll: asyncio.Task[None] | None = None  # for clients that report no changes on disk
        self.exit_status = 0
        self.oversized: dict[str, budget.OversizedText] = {}
        self.protocol.refusal = lambda params: _refusal(self, params)

    def _start_io_async(self, stdin: Any = None, stdout: Any = None) -> None:
        self.exit_status = asyncio.run(self.serve_stdio(stdin or sys.stdin.buffer, stdout or sys.stdout.buffer))

    async def serve_stdio(self, stdin: Any, stdout: Any) -> int:
        """Serve until `exit` or the end of input; the process's exit status."""
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout))
        if _is_pipe(stdin):
            stream = asyncio.StreamReader(limit=MAX_HEADER_LINE)
            await asyncio.get_running_loop().connect_read_pipe(
                lambda: asyncio.StreamReaderProtocol(stream), stdin)
            reader: Any = PipeReader(stream)
        else:
            reader = FileReader(stdin)
        try:
            return await serve_frames(reader, self.protocol)
        except BrokenPipeError:
            print("rust-ast: the client closed the connection", file=sys.stderr)
            return 1
        finally:
            self.shutdown()

    def start_tcp(self, host: str, port: int) -> None:
        """One client over a socket, read as strictly as stdio."""

        async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.protocol.set_writer(writer)
            try:
                self.exit_status = await serve_frames(PipeReader(reader), self.protocol)
            finally:
                self.shutdown()  # (closes the listening socket: serve_forever ends)

        async def listen() -> None:
            self._stop_event = threading.Event()
            self._server = await asyncio.start_server(connection, host, port, limit=MAX_HEADER_LINE)
            async with self._server:
                with contextlib.suppress(asyncio.CancelledError):
                    await self._server.serve_forever()

        asyncio.run(listen())

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors are logged to the client, not shown: a failing request is answered
        with its error; nothing else should interrupt the user."""
        log.error("%s: %s", type(error).__name__, error, exc_info=error)


def _is_pipe(stream: Any) -> bool:
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode)


def _configure_logging(server: RustAstServer) -> None:
    handler = ClientLogHandler(server)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    level = os.environ.get("RUST_AST_LOG", "WARNING").upper()
    for name in ("server", "ast_core"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level if level in logging.getLevelNamesMapping() else "WARNING")
        logger.propagate = False


def create_server() -> RustAstServer:
    server = RustAstServer()
    _configure_logging(server)

    @server.feature(types.INITIALIZE)
    def initialize(ls: RustAstServer, params: types.InitializeParams) -> None:
        negotiated = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16  # LSP's default
        ls.documents.encoding = convert.ENCODINGS.get(negotiated, "utf-16")
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        ls.check_cfg.workspace_trusted = options.get("workspaceTrusted") is True
        settings = options.get("rustAst")
        if settings is not None:
            _apply_settings(ls, settings)
        ls.check_cfg.refresh_toolchain(ls)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: RustAstServer, params: types.InitializedParams) -> None:
        await _fetch_settings(ls)
        await disk.watch_files(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: RustAstServer, params: types.DidChangeConfigurationParams) -> None:
        pushed = params.settings.get("rustAst") if isinstance(params.settings, dict) else None
        if pushed is not None:  # applied before any later message is handled
            ls.settings_pushes += 1
            _apply_settings(ls, pushed)
        else:
            asyncio.ensure_future(_fetch_settings(ls))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RustAstServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        src = doc.text.encode("utf-8", "replace")
        if len(src) > ls.documents.settings.max_file_size:
            ls.documents.close(doc.uri)
            _keep_oversized(ls, doc.uri, budget.OversizedText(doc.version, src))
            return
        ls.oversized.pop(doc.uri, None)
        opened = ls.documents.open(doc.uri, doc.version, doc.text)
        ls.publisher.schedule(doc.uri)
        ls.documents.resolve_soon(opened, lambda: ls.publisher.schedule(doc.uri))  # the crate, after

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RustAstServer, params: types.DidChangeTextDocumentParams) -> None:
        doc = params.text_document
        limit = ls.documents.settings.max_file_size
        if (big := ls.oversized.get(doc.uri)) is not None:
            big.change(doc.version, params.content_changes, ls.documents.encoding)
            if len(big.src) > limit:
                _keep_oversized(ls, doc.uri, big)
                return
            del ls.oversized[doc.uri]
            ls.documents.open(doc.uri, doc.version, big.src.decode("utf-8", "replace"))
        else:
            try:
                opened = ls.documents.change(doc.uri, doc.version, params.content_changes)
            except DocumentNotOpen:
                log.warning("didChange for a document that is not open: %s", doc.uri)
                return
            if len(opened.doc.src) > limit:
                ls.documents.close(doc.uri)
                _keep_oversized(ls, doc.uri, budget.OversizedText(doc.version, opened.doc.src))
                return
            if (ls.documents.settings.inlay_hints_node_ids and ls.documents.shares_crate(opened)
                    and _client_supports_refresh(ls, "inlay_hint")):
                ls.workspace_inlay_hint_refresh(None)  # the other files' ids may have moved
        ls.publisher.schedule(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RustAstServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.oversized.pop(params.text_document.uri, None)
        ls.documents.close(params.text_document.uri)
        ls.publisher.clear(params.text_document.uri)

    # (in this order, their hover sections stack and their diagnostics are published)
    for feature in (hover, code_lens, ext, outline, disk, check_cfg, autodiff):
        feature.register(server)
    return server


def _keep_oversized(ls: RustAstServer, uri: str, text: budget.OversizedText) -> None:
    """Keep a document over `rustAst.maxFileSize` as text only, and say so."""
    ls.oversized[uri] = text
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=uri, version=text.version, diagnostics=[text.diagnostic(ls.documents.settings.max_file_size)]))


def _refusal(ls: RustAstServer, params: Any) -> str | None:
    """Requests about a document over `rustAst.maxFileSize` fail at once."""
    uri = budget.document_uri(params)
    big = ls.oversized.get(uri) if uri is not None else None
    if big is None:
        return None
    return budget.TOO_LARGE.format(size=len(big.src), limit=ls.documents.settings.max_file_size)


def _apply_settings(ls: RustAstServer, raw: Any) -> None:
    """Apply the client's `rustAst` section. Clients send the same one several times
    (VS Code answers the fetch after `initialized` and pushes it too): an unchanged
    section does nothing, so its warnings are shown once."""
    if raw == ls.raw_settings:
        return
    ls.raw_settings = raw
    settings, problems = parse_settings(raw)
    for problem in problems:
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=problem))
    previous = ls.documents.settings
    ls.documents.reconfigure(settings)
    for opened in ls.documents:  # check-cfg depends on settings beyond a document's config
        ls.publisher.schedule(opened.uri)
    ls.check_cfg.refresh_toolchain(ls)
    if previous.inlay_hints_node_ids != settings.inlay_hints_node_ids and _client_supports_refresh(ls, "inlay_hint"):
        ls.workspace_inlay_hint_refresh(None)
    if previous.folding_enable != settings.folding_enable and _client_supports_refresh(ls, "folding_range"):
        ls.workspace_folding_range_refresh(None)


def _client_supports_refresh(ls: RustAstServer, feature: str) -> bool:
    """Whether the client takes `workspace/<feature>/refresh` (`inlay_hint`, `folding_range`)."""
    caps = ls.client_capabilities.workspace
    support = getattr(caps, feature, None) if caps is not None else None
    return bool(support is not None and support.refresh_support)


async def _fetch_settings(ls: RustAstServer) -> None:
    caps = ls.client_capabilities.workspace
    if caps is None or not caps.configuration:
        return
    pushes = ls.settings_pushes
    try:
        result = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="rustAst")]))
    except Exception as exc:  # noqa: BLE001 - a client that cannot answer keeps the defaults
        log.warning("workspace/configuration failed: %s", exc)
        return
    if result and ls.settings_pushes == pushes:
        _apply_settings(ls, result[0])


def serve(tcp: str | None = None) -> int:
    """Run the server; the exit status (1 after `exit` without `shutdown`, or a
    stream that cannot be read)."""
    server = create_server()
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return server.exit_status
