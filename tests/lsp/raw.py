"""A raw LSP client over the real server's stdio: bytes in, parsed frames out, for
tests (and bench/soak.py) that send what no well-behaved client library would."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SERVER = [sys.executable, "-m", "server", "serve"]
TIMEOUT = 120.0
"""Generous: the test machine is loaded; a hang fails the test, a slow answer does not."""


_BREAK = re.compile(r"\r\n|\r|\n")


class TextModel:
    """The client's view of a document: the text, and LSP positions computed
    independently of the server (lines end at `\n`, `\r\n` or a lone `\r`)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in _BREAK.finditer(self.text))]

    def position(self, index: int) -> dict:
        starts = self.line_starts()
        line = max(i for i, s in enumerate(starts) if s <= index)
        units = len(self.text[starts[line]:index].encode("utf-16-le")) // 2
        return {"line": line, "character": units}

    def boundary(self, fraction: float) -> int:
        """A str index that an LSP position can name (not inside `\r\n`)."""
        index = round(fraction * len(self.text))
        if 0 < index < len(self.text) and self.text[index - 1:index + 1] == "\r\n":
            index -= 1
        return index

    def edit(self, lo: int, hi: int, new: str) -> dict:
        """Replace `text[lo:hi]`; the LSP change event that says so."""
        change = {"range": {"start": self.position(lo), "end": self.position(hi)}, "text": new}
        self.text = self.text[:lo] + new + self.text[hi:]
        return change


def frame(body: bytes | str | dict | list) -> bytes:
    if isinstance(body, dict | list):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


class RawServer:
    """`rust-ast serve` as a subprocess; a thread parses what it writes."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.messages: deque[dict] = deque()
        self.cond = threading.Condition()
        self.closed = False
        self.stderr = b""
        self.largest = 0  # bytes of the largest message received
        self.received = 0
        threading.Thread(target=self._read, daemon=True).start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()
        self.next_id = 0

    def _read(self) -> None:
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    if line == b"\r\n":
                        break
                    name, _, value = line.decode().partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                body = out.read(length)
                self.largest = max(self.largest, len(body))
                self.received += 1
                with self.cond:
                    self.messages.append(json.loads(body))
                    self.cond.notify_all()
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def _read_stderr(self) -> None:
        self.stderr = self.proc.stderr.read()

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any = None) -> None:
        self.send(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def request(self, method: str, params: Any = None) -> int:
        """Send a request; its id (then `response(id)`)."""
        self.next_id += 1
        self.send(frame({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}))
        return self.next_id

    def call(self, method: str, params: Any = None) -> dict:
        """A request's response message (with `result` or `error`)."""
        return self.response(self.request(method, params))

    def wait_for(self, accept, timeout: float = TIMEOUT) -> dict:
        """The first message received that `accept`s; answers the server's own
        requests (configuration, registrations) with null meanwhile."""
        with self.cond:
            while True:
                for message in list(self.messages):
                    if "method" in message and "id" in message:
                        self.messages.remove(message)
                        self.send(frame({"jsonrpc": "2.0", "id": message["id"], "result": None}))
                    elif accept(message):
                        self.messages.remove(message)
                        return message
                if self.closed:
                    raise EOFError(f"the server closed its output; stderr: {self.stderr[-2000:]!r}")
                if not self.cond.wait(timeout):
                    raise TimeoutError("no answer from the server")

    def response(self, msg_id: Any) -> dict:
        return self.wait_for(lambda m: "method" not in m and m.get("id") == msg_id)

    def initialize(self) -> dict:
        result = self.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "rust", "version": version, "text": text}})

    def exit_status(self, timeout: float = TIMEOUT) -> int:
        """Wait for the process to end; its status (then `stderr` is all it wrote)."""
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        self._stderr_reader.join(timeout)
        return status

    def close(self) -> None:
        """Shut down politely when alive; the exit status."""
        if self.proc.poll() is None:
            try:
                self.call("shutdown")
                self.notify("exit")
            except (OSError, EOFError):
                pass
        status = self.exit_status()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()
        return status
