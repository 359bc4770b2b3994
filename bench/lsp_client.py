"""A small LSP client for benchmarks: standard library only, over a server process's
standard input and output.

It frames messages (`Content-Length`), sends requests and notifications, answers the
server's own requests the way a plain editor would (`workspace/configuration` with the
settings it was given, `workspace/applyEdit` with `applied: false`, anything else with
null), and keeps every `textDocument/publishDiagnostics` with the moment it was read,
so a benchmark can wait for the diagnostics of a given document version.

    client = await LspClient.start(["rust-ast", "serve"])
    await client.initialize(root)
    client.notify("textDocument/didOpen", {...})
    published = await client.diagnostics(uri, version=1)
    result, seconds = await client.timed_request("textDocument/hover", {...})
    await client.shutdown()

It never imports the project: it measures the server as any client sees it.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CAPABILITIES: dict[str, Any] = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "synchronization": {"didSave": True, "dynamicRegistration": False},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True,
                               "tagSupport": {"valueSet": [1, 2]}},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
        "inlayHint": {}, "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
    },
    "workspace": {"configuration": True, "workspaceFolders": True},
}
"""What the client announces: an editor without file watching or dynamic registration."""


class LspError(Exception):
    """The server answered a request with an error."""

    def __init__(self, method: str, error: dict[str, Any]) -> None:
        super().__init__(f"{method}: {error.get('code')} {error.get('message')}")
        self.code = error.get("code")


class Published:
    """One `publishDiagnostics`, with the `time.perf_counter()` at which it was read."""

    def __init__(self, params: dict[str, Any], at: float) -> None:
        self.uri: str = params["uri"]
        self.version: int | None = params.get("version")
        self.diagnostics: list[dict[str, Any]] = params.get("diagnostics", [])
        self.at = at


class LspClient:
    """One server process and the conversation with it."""

    def __init__(self, process: asyncio.subprocess.Process, settings: dict[str, Any] | None = None) -> None:
        self.process = process
        self.settings = settings or {}
        self.published: dict[str, list[Published]] = {}
        self.server_requests: dict[str, int] = {}
        self._next_id = 0
        self._pending: dict[int, tuple[str, asyncio.Future[Any]]] = {}
        self._published_event = asyncio.Event()
        self._reader = asyncio.ensure_future(self._read_loop())

    @classmethod
    async def start(cls, command: list[str], *, cwd: str | Path | None = None, env: dict[str, str] | None = None,
                    settings: dict[str, Any] | None = None, stderr: Any = asyncio.subprocess.DEVNULL) -> LspClient:
        """Start the server; `settings` answer `workspace/configuration` (by section)."""
        process = await asyncio.create_subprocess_exec(
            *command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=stderr,
            cwd=cwd, env=env if env is not None else dict(os.environ), limit=2**26)
        return cls(process, settings)

    @property
    def pid(self) -> int:
        return self.process.pid

    # -- sending ------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    async def request(self, method: str, params: Any, timeout: float = 60.0) -> Any:
        """The result of a request (raises `LspError` on an error answer)."""
        self._next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = (method, future)
        self._send({"id": self._next_id, "method": method, "params": params})
        assert self.process.stdin is not None
        await self.process.stdin.drain()
        return await asyncio.wait_for(future, timeout)

    async def timed_request(self, method: str, params: Any, timeout: float = 60.0) -> tuple[Any, float]:
        """The result and the seconds from writing the request to reading its answer."""
        start = time.perf_counter()
        result = await self.request(method, params, timeout)
        return result, time.perf_counter() - start

    # -- the session ----------------------------------------------------------------------

    async def initialize(self, root: str | Path, capabilities: dict[str, Any] | None = None,
                         initialization_options: Any = None, timeout: float = 60.0) -> dict[str, Any]:
        root_uri = Path(root).resolve().as_uri()
        result = await self.request("initialize", {
            "processId": os.getpid(), "rootUri": root_uri, "capabilities": capabilities or CAPABILITIES,
            "workspaceFolders": [{"uri": root_uri, "name": Path(root).name}],
            "initializationOptions": initialization_options}, timeout)
        self.notify("initialized", {})
        return result

    async def shutdown(self, timeout: float = 30.0) -> int:
        """`shutdown`, `exit`, and the server's exit status."""
        try:
            await self.request("shutdown", None, timeout)
            self.notify("exit", None)
            return await asyncio.wait_for(self.process.wait(), timeout)
        except (TimeoutError, ConnectionError, LspError):
            self.process.kill()
            return await self.process.wait()
        finally:
            self._reader.cancel()

    async def diagnostics(self, uri: str, version: int | None = None, after: float = 0.0,
                          timeout: float = 60.0) -> Published:
        """The first diagnostics of `uri` read after `after` (a perf_counter time) for
        `version` (any version when None, or when the server sends none)."""
        def found() -> Published | None:
            for published in self.published.get(uri, ()):
                if published.at >= after and (version is None or published.version in (None, version)):
                    return published
            return None
        return await self._until(found, timeout)

    async def _until(self, found: Callable[[], Published | None], timeout: float) -> Published:
        deadline = time.perf_counter() + timeout
        while (result := found()) is None:
            self._published_event.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("no such diagnostics")
            await asyncio.wait_for(self._published_event.wait(), remaining)
        return result

    # -- receiving ------------------------------------------------------------------------

    async def _read_loop(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            while True:
                length = None
                while (line := await stream.readline()) not in (b"\r\n", b"\n"):
                    if not line:
                        raise ConnectionError("the server closed its output")
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length is None:
                    raise ConnectionError("a message without Content-Length")
                message = json.loads(await stream.readexactly(length))
                self._dispatch(message, time.perf_counter())
        except (ConnectionError, asyncio.IncompleteReadError) as exc:
            for _, future in self._pending.values():
                if not future.done():
                    future.set_exception(ConnectionError(str(exc)))

    def _dispatch(self, message: dict[str, Any], at: float) -> None:
        if "id" in message and "method" not in message:  # an answer
            method, future = self._pending.pop(message["id"], (None, None))
            if future is not None and not future.done():
                if "error" in message:
                    future.set_exception(LspError(method or "?", message["error"]))
                else:
                    future.set_result(message.get("result"))
        elif "id" in message:  # the server asks
            method = message["method"]
            self.server_requests[method] = self.server_requests.get(method, 0) + 1
            self._send({"id": message["id"], "result": self._answer(method, message.get("params"))})
        elif message.get("method") == "textDocument/publishDiagnostics":
            published = Published(message["params"], at)
            self.published.setdefault(published.uri, []).append(published)
            self._published_event.set()

    def _answer(self, method: str, params: Any) -> Any:
        if method == "workspace/configuration":
            return [self.settings.get(item.get("section", "")) for item in (params or {}).get("items", [])]
        if method == "workspace/applyEdit":
            return {"applied": False}
        return None


def rss_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (kB) of a process and its children, summed (Linux `/proc`)."""
    totals = {"VmRSS": 0, "VmHWM": 0}
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    except OSError:
        pass
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in totals:
                    totals[name] += int(value.split()[0])
        except OSError:
            continue
    return {"rss_kb": totals["VmRSS"], "hwm_kb": totals["VmHWM"]}
