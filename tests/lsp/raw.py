"""A raw LSP client over the real server's stdio: bytes in, parsed frames out, for
tests (and bench/soak.py) that send what no well-behaved client library would."""

from __future__ import annotations

import json
import os
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
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
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
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

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
