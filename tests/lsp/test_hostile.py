"""The server against a hostile client, over raw stdio: every request answered with the
right JSON-RPC error, frames it cannot read end it with status 1 (the editor restarts
it), `exit` without `shutdown` is status 1, and lone CRs keep the text in sync."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.lsp.raw import ROOT, SERVER, TIMEOUT, RawServer, frame

URI = "file:///tmp/rust-ast-hostile/lib.rs"


@pytest.fixture
def server() -> Iterator[RawServer]:
    raw = RawServer()
    yield raw
    if raw.proc.poll() is None:
        raw.proc.kill()
    raw.exit_status()


@pytest.fixture
def ready(server: RawServer) -> RawServer:
    server.initialize()
    return server


@pytest.fixture(scope="module")
def shared() -> Iterator[RawServer]:
    """One initialized server for the tests that leave it serving (start-up is seconds
    on a loaded machine); it must still shut down cleanly at the end."""
    raw = RawServer()
    raw.initialize()
    yield raw
    assert raw.close() == 0


def error_of(message: dict) -> tuple[int, str]:
    assert "error" in message, message
    return message["error"]["code"], message["error"]["message"]


# -- every request answered ---------------------------------------------------------


@pytest.mark.parametrize(("params", "wanted"), [
    ("a string", "params must be an object"),
    ({"textDocument": {"uri": URI}, "position": {"line": -1, "character": 0}}, "Position.line"),
    ({"textDocument": {"uri": URI}, "position": {"line": "x", "character": 0}}, "$.params.position.line"),
    ({"textDocument": {"uri": URI}}, "required field missing @ $.params.position"),
])
def test_hover_with_invalid_params_is_answered_32602(shared: RawServer, params, wanted: str) -> None:
    code, message = error_of(shared.call("textDocument/hover", params))
    assert code == -32602
    assert wanted in message


def test_document_symbol_without_text_document(shared: RawServer) -> None:
    code, message = error_of(shared.call("textDocument/documentSymbol", {}))
    assert code == -32602 and "$.params.textDocument" in message


def test_negative_node_at_position_is_invalid_params(shared: RawServer) -> None:
    shared.open(URI, "fn main() {}\n")
    reply = shared.call("rustAst/nodeAt", {"textDocument": {"uri": URI}, "position": {"line": -1, "character": 0}})
    code, message = error_of(reply)
    assert code == -32602 and "position" in message
    assert "data" not in reply["error"]  # no traceback


def test_invalid_requests_are_answered_32600(shared: RawServer) -> None:
    shared.send(frame({"jsonrpc": "2.0", "id": {"an": "object"}, "method": "textDocument/hover", "params": {}}))
    reply = shared.wait_for(lambda m: "error" in m)
    assert reply["id"] is None and error_of(reply)[0] == -32600
    shared.send(frame({"jsonrpc": "2.0", "id": 77, "method": 12, "params": {}}))
    reply = shared.response(77)
    assert error_of(reply)[0] == -32600 and "method" in error_of(reply)[1]
    shared.send(frame({"jsonrpc": "1.0", "id": 78, "method": "shutdown"}))
    assert error_of(shared.response(78))[0] == -32600
    shared.send(frame(b"{not json"))
    reply = shared.wait_for(lambda m: "error" in m)
    assert reply["id"] is None and error_of(reply)[0] == -32700
    shared.send(frame([{"jsonrpc": "2.0", "id": 79, "method": "shutdown"}]))
    assert error_of(shared.wait_for(lambda m: "error" in m))[0] == -32600
    assert shared.call("rustAst/nodeIds", {"textDocument": {"uri": "file:///nowhere.rs"}})["error"]["code"] == -32602


def test_requests_before_initialize_are_answered_32002(server: RawServer) -> None:
    code, message = error_of(server.call("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}))
    assert code == -32002 and "before initialize" in message
    server.initialize()
    assert error_of(server.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}}))[0] == -32600


def test_requests_after_shutdown_are_answered_32600(ready: RawServer) -> None:
    assert ready.call("shutdown")["result"] is None
    code, message = error_of(ready.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}}))
    assert code == -32600 and "shutdown" in message
    ready.notify("exit")
    assert ready.exit_status() == 0


def test_exit_without_shutdown_is_status_1(ready: RawServer) -> None:
    ready.notify("exit")
    assert ready.exit_status() == 1


# -- framing ------------------------------------------------------------------------


def test_header_names_are_case_insensitive(ready: RawServer) -> None:
    body = b'{"jsonrpc":"2.0","id":5,"method":"shutdown"}'
    ready.send(b"content-length: %d\r\nCONTENT-TYPE: application/vscode-jsonrpc; charset=utf-8\r\n\r\n%s"
               % (len(body), body))
    assert ready.response(5)["result"] is None


@pytest.mark.parametrize("bad", [
    b"Content-Length: 5\r\n\r\n" + b'{"jsonrpc":"2.0","id":1,"method":"shutdown"}',  # too small
    b"Content-Length: -4\r\n\r\n{}",
    b"Content-Length: twelve\r\n\r\n{}",
    b"Content-Length: 2\n\n{}",  # LF only
    b"Content-Type: x\r\n\r\n{}",  # no length
    b"Content-Length: 100\r\n\r\n{}",  # the stream ends inside the body
])
def test_a_frame_that_cannot_be_read_ends_the_server_with_status_1(ready: RawServer, bad: bytes) -> None:
    ready.send(bad)
    ready.proc.stdin.close()
    assert ready.exit_status() == 1
    assert b"cannot read the LSP stream" in ready.stderr
    assert b"Traceback" not in ready.stderr


def test_a_huge_line_without_crlf_is_refused_without_a_traceback(ready: RawServer) -> None:
    with contextlib.suppress(BrokenPipeError):  # the server stopped reading and left: what we want
        ready.send(b"x" * (64 << 20))
    assert ready.exit_status() == 1
    ready.proc.stdin.close()
    ready.wait_for(lambda m: m.get("method") == "window/logMessage" and "header line" in m["params"]["message"])
    assert b"Traceback" not in ready.stderr


# -- text sync with every LSP line break ----------------------------------------------


def test_lone_cr_line_breaks_stay_in_sync(shared: RawServer) -> None:
    shared.open(URI, "fn a() {}\rfn b() {}\r")
    shared.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 3}, "end": {"line": 1, "character": 4}}, "text": "X"}]})
    symbols = shared.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})["result"]
    assert [(s["name"], s["range"]["start"]["line"]) for s in symbols] == [("a", 0), ("X", 1)]
    node = shared.call("rustAst/nodeAt", {"textDocument": {"uri": URI}, "position": {"line": 1, "character": 3}})
    assert node["result"] and node["result"][0]["ident"] == "X"


# -- bounded cost ---------------------------------------------------------------------

SUM = "fn f() -> i32 { " + " + ".join(["1"] * 10_000) + " }\n"


def preorder(json) -> list[dict]:
    out = []
    stack = list(reversed(json)) if isinstance(json, list) else [json]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node["children"]))
    return out


def test_a_deep_tree_is_cut_with_a_continuation(shared: RawServer) -> None:
    shared.open(URI, SUM)
    tree = shared.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}})["result"]
    assert tree["truncated"] is True
    assert len(tree["text"]) < 20 * len(SUM)  # was 405 MB: the indentation grew with depth squared
    lines = tree["text"].splitlines()
    nodes = preorder(tree["json"])
    assert len(lines) == len(nodes)  # line for line, as the editors read them
    cuts = [n for n in nodes if n["class"] == "..."]
    assert cuts and all(lines[i].strip() == "..." for i, n in enumerate(nodes) if n["class"] == "...")
    more = shared.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}, "range": cuts[0]["range"]})["result"]
    assert more["json"]["class"] == "Expr" and more["json"]["kind"] == "Binary"


def test_a_node_budget_bounds_the_reply(shared: RawServer) -> None:
    text = "".join(f"fn f{i}() {{ let x = {i}; }}\n" for i in range(300))
    shared.open(URI, text)
    full = shared.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}})["result"]
    assert full["truncated"] is False and "..." not in full["text"]
    cut = shared.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}, "maxNodes": 50})["result"]
    assert cut["truncated"] is True
    nodes = preorder(cut["json"])
    assert len(cut["text"].splitlines()) == len(nodes) <= 50 + 10
    assert cut["text"].splitlines()[:40] == full["text"].splitlines()[:40]
    bad = shared.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}, "maxNodes": 0})
    assert error_of(bad)[0] == -32602


def test_a_cancelled_syntax_tree_is_answered_32800(shared: RawServer) -> None:
    shared.open(URI, "".join(f"fn f{i}(a: i32) -> i32 {{ let x = a * {i}; x }}\n" for i in range(5000)))
    shared.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})  # analysed once
    params = {"textDocument": {"uri": URI}, "maxNodes": 1_000_000}
    # cancelled before it starts: the cancellation arrives in the same read
    shared.next_id += 1
    shared.send(frame({"jsonrpc": "2.0", "id": shared.next_id, "method": "rustAst/syntaxTree", "params": params})
               + frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": shared.next_id}}))
    assert error_of(shared.response(shared.next_id))[0] == -32800
    # cancelled while it renders (a hundred thousand nodes: seconds; cancelled at once)
    msg_id = shared.request("rustAst/syntaxTree", params)
    shared.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})  # the rendering has begun
    shared.notify("$/cancelRequest", {"id": msg_id})
    assert error_of(shared.response(msg_id))[0] == -32800


def test_an_edit_while_rendering_answers_content_modified(shared: RawServer) -> None:
    shared.open(URI, "".join(f"fn f{i}(a: i32) -> i32 {{ let x = a * {i}; x }}\n" for i in range(5000)))
    shared.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    msg_id = shared.request("rustAst/syntaxTree", {"textDocument": {"uri": URI}, "maxNodes": 1_000_000})
    shared.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    shared.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "//\n"}]})
    assert error_of(shared.response(msg_id))[0] == -32801


def test_a_file_over_max_file_size_gets_a_diagnostic_and_no_analysis(server: RawServer) -> None:
    server.call("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                               "initializationOptions": {"rustAst": {"maxFileSize": 200}}})
    server.notify("initialized", {})
    server.open(URI, "fn a() {}\n" * 30)
    diagnostics = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]
    assert [d["code"] for d in diagnostics["diagnostics"]] == ["too-large"]
    assert "over rustAst.maxFileSize (200)" in diagnostics["diagnostics"][0]["message"]
    code, message = error_of(server.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}}))
    assert code == -32803 and "maxFileSize" in message
    # edits follow the text; once under the limit, the file is analysed again
    server.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 30, "character": 0}}, "text": ""}]})
    tree = server.call("rustAst/syntaxTree", {"textDocument": {"uri": URI}})["result"]
    assert tree["text"].count("Item::Fn") == 1
    server.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "//" * 200}]})
    assert error_of(server.call("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}))[0] == -32803


def test_tcp_is_read_as_strictly_as_stdio() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([*SERVER, "--tcp", f"127.0.0.1:{port}"], stderr=subprocess.PIPE, cwd=ROOT)
    try:
        for _ in range(600):
            try:
                conn = socket.create_connection(("127.0.0.1", port))
                break
            except OSError:
                time.sleep(0.1)
        with conn:
            body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}'
            conn.sendall(b"content-length: %d\r\n\r\n%s" % (len(body), body))
            reply = b""
            while b'"capabilities"' not in reply:
                reply += conn.recv(65536)
            assert reply.startswith(b"Content-Length: ")
            conn.sendall(b"Content-Length: -3\r\n\r\n")
            assert proc.wait(TIMEOUT) == 1
    finally:
        if proc.poll() is None:
            proc.kill()
    assert b"cannot read the LSP stream" in proc.stderr.read()
