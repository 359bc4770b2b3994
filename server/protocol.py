"""JSON-RPC over stdio as LSP defines it, for any client, however it misbehaves.

pygls 2 reads frames with a regex that only knows `Content-Length: N\\r\\n` (header names
are case-insensitive), skips what it cannot read and keeps reading: a bad frame leaves
the server alive but deaf. Its message parsing raises before a request id is known, so
a request whose params do not validate (or whose `id` is an object, or `method` not a
string) is never answered; requests after `shutdown` are dropped unanswered and requests
before `initialize` are served. This module reads frames itself and checks every
message before pygls dispatches it, so that:

- every request gets an answer: -32700 for a body that is not JSON, -32600 for an
  invalid request or one after `shutdown`, -32002 before `initialize`, -32602 saying
  which param is wrong;
- a frame that cannot be read is logged (stderr and `window/logMessage`) and the server
  exits with status 1, so that the editor restarts it; header lines are bounded;
- `exit` ends the process with 0 after `shutdown`, else 1.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import logging
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import cattrs
from cattrs.v import format_exception
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcServerNotInitialized
from pygls.protocol import LanguageServerProtocol, lsp_method

if TYPE_CHECKING:
    from pygls.io_ import AsyncReader

log = logging.getLogger("server")

MAX_HEADER_LINE = 4096
"""Longest header line read (a real one is under 100 bytes)."""
MAX_HEADERS = 32
IDLE_BEFORE_WORK = 0.02
"""Seconds without a message before a step of background work (`RustAstProtocol.idle`)."""
MAX_BODY = 1 << 30
"""Largest message body accepted (1 GiB: far above any file the server analyses)."""

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
REQUEST_FAILED = -32803


class FramingError(Exception):
    """The byte stream is not LSP's base protocol: no later message can be trusted."""


class Exit(Exception):  # noqa: N818 - a control-flow signal, not an error
    """The client sent `exit`."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


async def read_frame(reader: AsyncReader) -> bytes | None:
    """The next message body, or None at the end of the stream between two messages.
    Raises FramingError for anything else: a header that is not `Name: value\\r\\n`,
    no or a bad `Content-Length`, a truncated body."""
    length: int | None = None
    for count in range(MAX_HEADERS + 1):
        try:
            line = await reader.readline()
        except ValueError:  # asyncio's StreamReader: a line over its limit
            raise FramingError(f"a header line longer than {MAX_HEADER_LINE} bytes") from None
        if not line:
            if count == 0:
                return None
            raise FramingError("the stream ended inside a header")
        if len(line) > MAX_HEADER_LINE:
            raise FramingError(f"a header line longer than {MAX_HEADER_LINE} bytes")
        if not line.endswith(b"\r\n"):
            raise FramingError(f"a header line not ended by CRLF: {_show(line)}")
        if line == b"\r\n":
            break
        name, colon, value = line[:-2].partition(b":")
        if not colon or not name or name != name.strip():
            raise FramingError(f"not a header: {_show(line)}")
        if name.lower() == b"content-length":
            value = value.strip()
            if not value.isdigit():  # also refuses a sign
                raise FramingError(f"Content-Length is not a number of bytes: {_show(value)}")
            length = int(value)
    else:
        raise FramingError(f"more than {MAX_HEADERS} header lines")
    if length is None:
        raise FramingError("a message without Content-Length")
    if length > MAX_BODY:
        raise FramingError(f"Content-Length {length} is over the limit of {MAX_BODY} bytes")
    body = await reader.readexactly(length)
    if len(body) != length:
        raise FramingError(f"the stream ended inside a message body ({len(body)} of {length} bytes)")
    return body


def _show(data: bytes) -> str:
    return repr(data[:80]) + ("..." if len(data) > 80 else "")


async def serve_frames(reader: AsyncReader, protocol: RustAstProtocol) -> int:
    """Read and handle messages until `exit` or the end of input; the exit status."""
    while True:
        try:
            body = await read_frame(reader)
        except FramingError as err:
            protocol.report_fatal(f"rust-ast: cannot read the LSP stream, exiting: {err}")
            return 1
        if body is None:
            return 0 if protocol._shutdown else 1
        try:
            protocol.handle_body(body)
        except Exit as done:
            return done.status


def _is_id(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


_SNAKE = re.compile(r"_([a-z])")


def _camel(error: str) -> str:
    """cattrs names fields as Python does (`$.params.text_document`); LSP camelCase."""
    where, at, path = error.rpartition(" @ ")
    return f"{where}{at}{_SNAKE.sub(lambda m: m.group(1).upper(), path)}" if at else error


def _format(exc: BaseException, type_: Any) -> str:
    base = format_exception(exc, type_)
    return f"{base}: {exc}" if isinstance(exc, ValueError) and str(exc) else base


def invalid_params(exc: Exception) -> str:
    """What was wrong with a message's params, in one line."""
    if isinstance(exc, cattrs.BaseValidationError):
        return "; ".join(_camel(e) for e in cattrs.transform_error(exc, format_exception=_format))
    return str(exc)


class RustAstProtocol(LanguageServerProtocol):
    """pygls's protocol with every message checked before dispatch (see the module
    docstring), and without pygls's own copies of document text (see documents.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initialize_received = False
        self.refusal: Callable[[Any], str | None] = lambda params: None
        """Why a request with these (valid) params is not served, if it is not."""
        self.last_message_at = 0.0  # `time.monotonic()` when the last message came

    async def idle(self) -> None:
        """Return once no message has come for `IDLE_BEFORE_WORK`: background work (a
        crate's first reading) goes in the gaps between a client's messages, where it
        delays none of them, rather than between a request and the next."""
        await asyncio.sleep(0)  # (messages already read are handled first)
        while (left := self.last_message_at + IDLE_BEFORE_WORK - time.monotonic()) > 0:
            await asyncio.sleep(left)

    def report_fatal(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)
        with contextlib.suppress(Exception):  # the client may be gone already
            self.notify(types.WINDOW_LOG_MESSAGE, types.LogMessageParams(type=types.MessageType.Error,
                                                                          message=message))

    def reply_error(self, msg_id: Any, code: int, message: str) -> None:
        """An error response; `msg_id` None is sent as JSON null, which JSON-RPC asks
        for when the id could not be read (pygls's converter would leave it out)."""
        self._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})

    def handle_body(self, body: bytes) -> None:
        """Check one message and dispatch it; every request gets an answer."""
        self.last_message_at = time.monotonic()
        try:
            data = json.loads(body)
        except ValueError as err:  # also bytes that are not UTF-8
            self.reply_error(None, PARSE_ERROR, f"the message is not JSON: {err}")
            return
        if not isinstance(data, dict):
            self.reply_error(None, INVALID_REQUEST, "a message must be a JSON object (LSP has no batches)")
            return
        has_id, msg_id = "id" in data, data.get("id")
        reply_to = msg_id if _is_id(msg_id) else None
        if data.get("jsonrpc") != "2.0":
            if has_id or "method" in data:
                self.reply_error(reply_to, INVALID_REQUEST, 'a message must have "jsonrpc": "2.0"')
            return
        if "method" not in data:
            if has_id and ("result" in data or "error" in data):
                self._handle_client_response(data)
            else:
                self.reply_error(reply_to, INVALID_REQUEST, "a message without method, result or error")
            return
        method = data["method"]
        if not has_id:
            if isinstance(method, str):
                self._handle_client_notification(method, data)
            else:
                log.warning("dropped a notification whose method is not a string: %r", method)
            return
        if not _is_id(msg_id):
            self.reply_error(None, INVALID_REQUEST, f"a request id must be a string or an integer, got {msg_id!r}")
        elif not isinstance(method, str):
            self.reply_error(msg_id, INVALID_REQUEST, f"a request method must be a string, got {method!r}")
        else:
            self._handle_client_request(msg_id, method, data)

    def _handle_client_request(self, msg_id: Any, method: str, data: dict) -> None:
        if self._shutdown:
            self.reply_error(msg_id, INVALID_REQUEST, f"{method} after shutdown: the server is shutting down")
            return
        if method == types.INITIALIZE and self.initialize_received:
            self.reply_error(msg_id, INVALID_REQUEST, "initialize was sent already")
            return
        if method != types.INITIALIZE and not self.initialize_received:
            self.reply_error(msg_id, JsonRpcServerNotInitialized.CODE, f"{method} before initialize")
            return
        params = data.get("params")
        message_type = self.get_message_type(method)
        if message_type is not None:
            if "id" not in attrs_fields(message_type):
                self.reply_error(msg_id, INVALID_REQUEST, f"{method} is a notification, not a request")
                return
            if params is not None and not isinstance(params, dict | list):
                self.reply_error(msg_id, JsonRpcInvalidParams.CODE,
                                 f"params must be an object, got {type(params).__name__}")
                return
            try:
                params = self._converter.structure(data, message_type).params
            except Exception as exc:  # noqa: BLE001 - any structuring failure is the client's params
                self.reply_error(msg_id, JsonRpcInvalidParams.CODE,
                                 f"invalid params for {method}: {invalid_params(exc)}")
                return
        if (reason := self.refusal(params)) is not None:
            self.reply_error(msg_id, REQUEST_FAILED, reason)
            return
        if method == types.INITIALIZE:
            self.initialize_received = True
        self._dispatch(self._handle_request, msg_id, method, params)

    def _handle_client_notification(self, method: str, data: dict) -> None:
        if method == types.EXIT:
            raise Exit(0 if self._shutdown else 1)
        if self._shutdown or (not self.initialize_received and method != types.CANCEL_REQUEST):
            return  # LSP: dropped
        params: Any = data.get("params")
        message_type = self.get_message_type(method)
        if message_type is not None:
            try:
                params = self._converter.structure(data, message_type).params
            except Exception as exc:  # noqa: BLE001 - nobody to answer: log it
                log.warning("dropped %s: invalid params: %s", method, invalid_params(exc))
                return
        if method == types.CANCEL_REQUEST:
            self._handle_cancel_notification(params.id)
            return
        self._dispatch(self._handle_notification, method, params)

    def _handle_client_response(self, data: dict) -> None:
        try:
            message = self.structure_message(data)
        except JsonRpcException as exc:
            log.warning("dropped a response that does not validate: %s", exc)
            return
        self.handle_message(message)

    def _dispatch(self, handle: Any, *args: Any) -> None:
        contextvars.copy_context().run(handle, *args)

    def _handle_cancel_notification(self, msg_id: Any) -> None:
        """Cancels a request not yet answered (an awaiting handler is interrupted at
        its next `await`, and answered -32800); a request already answered is ignored."""
        future = self._request_futures.pop(msg_id, None)
        if future is not None:
            future.cancel()

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


def attrs_fields(cls: type) -> set[str]:
    return {field.name for field in getattr(cls, "__attrs_attrs__", ())}
