"""Random message sequences against the real server over stdio (hypothesis): edits with
every LSP line break and astral characters, requests at any position, invalid params,
ids and bodies, and now and then a frame that cannot be read. Every request is
answered; after every edit `rustAst/syntaxTree` equals a fresh open of the client's
text; the server is alive at the end (or, after a bad frame, exited with status 1)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.lsp.raw import RawServer, TextModel, frame

EXAMPLES = int(os.environ.get("RUST_AST_FUZZ_EXAMPLES", "50"))
"""About a minute on a loaded 2-core machine; more for a longer hunt. Not shrunk: a
failure prints the sequence as generated."""
URI = "untitled:fuzz.rs"
FRESH = "untitled:fresh.rs"

PIECES = ["fn", " ", "a", "(", ")", "{", "}", ";", "\n", "\r", "\r\n", "𝕏", "é", "struct", "S", "<", ">",
          "extern", '""', "[", "]", "#", "!", "=", "1", "+", "'", '"', "//", "/*", "*/", "mod", "m", "::", "r#"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=4),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                    max_leaves=6)


@pytest.fixture(scope="module")
def live() -> Iterator[list[RawServer]]:
    holder = [started()]
    yield holder
    assert holder[0].close() == 0


def started() -> RawServer:
    server = RawServer()
    server.initialize()
    return server


def tree(server: RawServer, uri: str) -> dict:
    reply = server.call("rustAst/syntaxTree", {"textDocument": {"uri": uri}, "maxNodes": 100_000, "maxDepth": 500})
    assert "result" in reply, reply
    return reply["result"]


def fresh_tree(server: RawServer, text: str) -> dict:
    server.open(FRESH, text)
    try:
        return tree(server, FRESH)
    finally:
        server.notify("textDocument/didClose", {"textDocument": {"uri": FRESH}})


EDIT = st.tuples(st.just("edit"), st.floats(0, 1), st.floats(0, 1), TEXTS, st.sampled_from(["", "clamp", "past"]))
REPLACE = st.tuples(st.just("replace"), TEXTS)
REQUEST = st.tuples(st.just("request"), st.sampled_from(["textDocument/hover", "rustAst/nodeAt",
                                                         "textDocument/documentSymbol", "textDocument/foldingRange"]),
                    st.integers(-2, 40), st.integers(-2, 40))
INVALID = st.tuples(st.just("invalid"), st.sampled_from(["textDocument/hover", "rustAst/nodeAt", "rustAst/syntaxTree",
                                                         "textDocument/documentSymbol", "no/such"]), JSON)
BAD_ENVELOPE = st.tuples(st.just("envelope"), st.sampled_from([
    b'{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}', b'{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}',
    b'{"jsonrpc":"2.0","id":null,"method":"shutdown"}', b"[]", b"nul", b'"text"', b"\xff\xfe",
    b'{"jsonrpc":"2.0","id":"s","method":7}']))
BAD_FRAME = st.sampled_from([b"Content-Length: -1\r\n\r\n", b"Content-Length: x\r\n\r\n", b"Content-Length: 2\n\n{}",
                             b"Nonsense\r\n\r\n", b"Content-Length: 1\r\n\r\n{}\r\n"])


@settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(TEXTS, st.lists(st.one_of(EDIT, REPLACE, REQUEST, INVALID, BAD_ENVELOPE), min_size=1, max_size=12),
       st.tuples(st.integers(0, 7), BAD_FRAME).map(lambda pick: pick[1] if pick[0] == 0 else None))
def test_every_request_answered_and_every_edit_in_sync(live: list[RawServer], text: str, actions: list,
                                                       bad_frame: bytes | None) -> None:
    if live[0].proc.poll() is not None or live[0].proc.stdin.closed:  # (a failed example, while shrinking)
        live[0] = started()
    server = live[0]
    model = TextModel(text)
    server.open(URI, text)
    version = 1
    for action in actions:
        kind = action[0]
        if kind in ("edit", "replace"):
            version += 1
            if kind == "edit":
                _, a, b, new, variant = action
                lo, hi = sorted((model.boundary(a), model.boundary(b)))
                start, end = model.position(lo), model.position(hi)
                if variant == "clamp":  # past the line's end: the end of the line
                    line_end = model.boundary(1.0) if end["line"] == len(model.line_starts()) - 1 else None
                    if line_end is not None and hi == line_end:
                        end = {"line": end["line"], "character": end["character"] + 7}
                elif variant == "past" and hi == len(model.text):  # past the last line: the end
                    end = {"line": end["line"] + 3, "character": 0}
                change = {"range": {"start": start, "end": end}, "text": new}
                model.text = model.text[:lo] + new + model.text[hi:]
            else:
                change = {"text": action[1]}
                model.text = action[1]
            server.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                                     "contentChanges": [change]})
            assert tree(server, URI) == fresh_tree(server, model.text), repr(model.text)
        elif kind == "request":
            _, method, line, character = action
            params = {"textDocument": {"uri": URI}}
            if method in ("textDocument/hover", "rustAst/nodeAt"):
                params["position"] = {"line": line, "character": character}
            reply = server.call(method, params)
            if "position" in params and (line < 0 or character < 0):
                assert reply["error"]["code"] == -32602, reply
            else:
                assert "result" in reply, reply
        elif kind == "invalid":
            _, method, params = action
            reply = server.call(method, params)
            assert "result" in reply or reply["error"]["code"] in (-32602, -32601), reply
        else:
            server.send(frame(action[1]))
            reply = server.wait_for(lambda m: "method" not in m and m.get("id") in (None, "s"))
            assert reply["error"]["code"] in (-32700, -32600), reply
    server.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    closed = server.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    assert closed["error"]["code"] == -32602  # closed, and still serving
    if bad_frame is not None:
        server.send(bad_frame)
        server.proc.stdin.close()
        assert server.exit_status() == 1
        server.close()
        live[0] = started()
