"""End-to-end tests of `rust-ast serve` over stdio (pytest-lsp), with VS Code's and
Neovim's client capabilities (the `client` fixture runs each test with both)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp.conftest import SERVER, accept_registrations, keep_raw_results, until

URI = "file:///tmp/rust-ast-tests/lib.rs"
TEXT = """\
/// Adds.
pub fn add(a: i32, b: i32) -> i32 {
    let c = a.max(b) + 2;
    c
}

struct Point { x: f64, y: f64 }

impl Point {
    fn norm(&self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() }
}

enum Shape { Circle(f64), Square { side: f64 } }
"""


def doc_id(uri: str = URI) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


async def open_doc(client: LanguageClient, text: str = TEXT, uri: str = URI) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="rust", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


async def request(client: LanguageClient, method: str, params: dict):
    return await client.protocol.send_request_async(method, params)


def plain(value):
    """A result as JSON values (the fixtures keep custom results raw)."""
    return json.loads(json.dumps(value))


# -- hover -------------------------------------------------------------------------


async def test_hover_shows_kind_id_span_and_parents(client: LanguageClient) -> None:
    await open_doc(client)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc_id(), position=pos(2, 15)))
    text = hover.contents.value
    assert text.startswith("**ExprKind::MethodCall** method `max`")
    assert "`NodeId(" in text
    assert "`lib.rs:3:13: 3:21`" in text
    assert "Stmt::Let" in text and "Item::Fn `add` 7" in text
    assert hover.range == types.Range(start=pos(2, 14), end=pos(2, 17))


async def test_hover_outside_any_node(client: LanguageClient) -> None:
    await open_doc(client)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc_id(), position=pos(5, 0)))
    assert hover is None


# -- custom requests -----------------------------------------------------------------


async def test_node_at_lists_innermost_first(client: LanguageClient) -> None:
    await open_doc(client)
    nodes = plain(await request(client, "rustAst/nodeAt",
                                {"textDocument": {"uri": URI}, "position": {"line": 2, "character": 12}}))
    assert [(n["class"], n["kind"]) for n in nodes[:3]] == [("PathSegment", None), ("Path", None), ("Expr", "Path")]
    assert nodes[-1]["class"] == "Item" and nodes[-1]["id"] == 7
    assert nodes[0]["range"] == {"start": {"line": 2, "character": 12}, "end": {"line": 2, "character": 13}}
    assert nodes[0]["ident"] == "a"


async def test_the_character_after_the_position_decides(client: LanguageClient) -> None:
    """At the `.` of `a.max(b)` the mouse is on the dot: the method call, not `a`, which
    ends there; at the end of `c` with nothing after it, `c`."""
    await open_doc(client)

    async def innermost(line: int, character: int) -> tuple[str, str | None]:
        nodes = plain(await request(client, "rustAst/nodeAt",
                                    {"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}))
        return nodes[0]["class"], nodes[0]["kind"]

    assert await innermost(2, 13) == ("Expr", "MethodCall")
    assert await innermost(3, 5) == ("PathSegment", None)


async def test_syntax_tree_whole_file_and_range(client: LanguageClient) -> None:
    await open_doc(client)
    whole = plain(await request(client, "rustAst/syntaxTree", {"textDocument": {"uri": URI}}))
    assert whole["text"].startswith("Crate #0 [1:1-13:49]")
    assert whole["json"]["class"] == "Crate"
    part = plain(await request(client, "rustAst/syntaxTree", {
        "textDocument": {"uri": URI},
        "range": {"start": {"line": 6, "character": 15}, "end": {"line": 6, "character": 21}}}))
    assert part["text"].startswith("FieldDef #")
    assert part["json"]["class"] == "FieldDef"


async def test_node_ids_and_find_node_id(client: LanguageClient) -> None:
    await open_doc(client)
    rows = plain(await request(client, "rustAst/nodeIds", {"textDocument": {"uri": URI}}))
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids) and ids[0] == 0
    fn = next(r for r in rows if r["class"] == "Item" and r["kind"] == "Fn")
    assert fn["ident"] == "add"
    location = plain(await request(client, "rustAst/findNodeId", {"textDocument": {"uri": URI}, "id": fn["id"]}))
    assert location["range"] == fn["range"]
    assert await request(client, "rustAst/findNodeId", {"textDocument": {"uri": URI}, "id": 999999}) is None


async def test_node_ids_of_a_range(client: LanguageClient) -> None:
    """With `range`, only the rows of nodes overlapping it (what an editor shows)."""
    await open_doc(client)
    whole = plain(await request(client, "rustAst/nodeIds", {"textDocument": {"uri": URI}}))
    line = {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 31}}
    part = plain(await request(client, "rustAst/nodeIds", {"textDocument": {"uri": URI}, "range": line}))
    assert 0 < len(part) < len(whole)
    assert all(r in whole for r in part)
    assert {r["id"] for r in whole if r["range"] and r["range"]["start"]["line"] == 6} <= {r["id"] for r in part}
    assert all(r["range"] is None or r["range"]["start"]["line"] <= 6 <= r["range"]["end"]["line"] for r in part)


async def test_requests_for_unopened_documents_and_bad_params_are_errors(client: LanguageClient) -> None:
    await open_doc(client)
    with pytest.raises(Exception, match="not open"):
        await request(client, "rustAst/nodeIds", {"textDocument": {"uri": "file:///nope.rs"}})
    with pytest.raises(Exception, match="missing params.position"):
        await request(client, "rustAst/nodeAt", {"textDocument": {"uri": URI}})
    with pytest.raises(Exception, match="integer"):
        await request(client, "rustAst/findNodeId", {"textDocument": {"uri": URI}, "id": "seven"})
    with pytest.raises(Exception, match="rustAst/noSuchMethod"):
        await request(client, "rustAst/noSuchMethod", {})
    # still serving
    assert await client.text_document_hover_async(types.HoverParams(text_document=doc_id(), position=pos(2, 15)))


# -- standard features -----------------------------------------------------------------


async def test_document_symbols_nest_fields_variants_and_methods(client: LanguageClient) -> None:
    await open_doc(client)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc_id()))
    names = {s.name: s for s in symbols}
    assert set(names) == {"add", "Point", "impl Point", "Shape"}
    assert [c.name for c in names["Point"].children] == ["x", "y"]
    assert [c.name for c in names["impl Point"].children] == ["norm"]
    assert [c.name for c in names["Shape"].children] == ["Circle", "Square"]
    assert [c.name for c in names["Shape"].children[1].children] == ["side"]
    assert names["add"].kind == types.SymbolKind.Function


async def test_selection_ranges_grow_node_by_node(client: LanguageClient) -> None:
    await open_doc(client)
    [sel] = await client.text_document_selection_range_async(types.SelectionRangeParams(
        text_document=doc_id(), positions=[pos(2, 12)]))
    ranges = []
    while sel is not None:
        start, end = sel.range.start, sel.range.end
        ranges.append(((start.line, start.character), (end.line, end.character)))
        sel = sel.parent
    assert ranges[0] == ((2, 12), (2, 13))  # `a`
    assert ranges[1] == ((2, 12), (2, 20))  # `a.max(b)`
    assert ranges[2] == ((2, 12), (2, 24))  # `a.max(b) + 2`
    assert all(outer[0] <= inner[0] and inner[1] <= outer[1] for inner, outer in zip(ranges, ranges[1:], strict=False))


async def test_folding_ranges_cover_multiline_items(client: LanguageClient) -> None:
    await open_doc(client)
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc_id()))
    assert (1, 4) in {(f.start_line, f.end_line) for f in folds}
    assert (8, 10) in {(f.start_line, f.end_line) for f in folds}


# -- positions ---------------------------------------------------------------------------

UNICODE = "fn f() { let s = \"é😀中\"; let t = s; }\n"


async def test_utf16_positions_on_lines_with_emoji(vscode: LanguageClient) -> None:
    client = vscode  # VS Code offers no encoding but UTF-16
    await open_doc(client, UNICODE)
    # `t` after the emoji: UTF-16 counts 😀 as two code units
    character = UNICODE.index("t =") + 1  # one extra unit for the astral character
    nodes = plain(await request(client, "rustAst/nodeAt",
                                {"textDocument": {"uri": URI}, "position": {"line": 0, "character": character}}))
    assert nodes[0]["class"] == "Pat" and nodes[0]["range"]["start"]["character"] == character
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc_id(), position=pos(0, character)))
    # rustc columns count characters: `t` is the 29th
    assert "PatKind::Ident" in hover.contents.value and "`lib.rs:1:29: 1:30`" in hover.contents.value


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def utf32(lsp_client: LanguageClient):
    keep_raw_results(lsp_client)
    accept_registrations(lsp_client)
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf32])
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
    yield
    await lsp_client.shutdown_session()


async def test_negotiated_utf32_positions(utf32: LanguageClient) -> None:
    await open_doc(utf32, UNICODE)
    character = UNICODE.index("t =")
    nodes = plain(await request(utf32, "rustAst/nodeAt",
                                {"textDocument": {"uri": URI}, "position": {"line": 0, "character": character}}))
    assert nodes[0]["class"] == "Pat" and nodes[0]["range"]["start"]["character"] == character


# -- incremental sync ---------------------------------------------------------------------


def lsp_position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    prefix = text[start:offset]
    if encoding == types.PositionEncodingKind.Utf32:
        return line, len(prefix)
    if encoding == types.PositionEncodingKind.Utf8:
        return line, len(prefix.encode())
    return line, len(prefix.encode("utf-16-le")) // 2


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def neovim(lsp_client: LanguageClient):
    keep_raw_results(lsp_client)
    accept_registrations(lsp_client)
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("neovim")))
    lsp_client.encoding = result.capabilities.position_encoding or types.PositionEncodingKind.Utf16
    yield
    await lsp_client.shutdown_session()


async def test_random_incremental_edits_match_a_fresh_open(neovim: LanguageClient) -> None:
    rng = random.Random(1234)
    fragments = ["x", "{", "}", ";", "fn g() {}", "😀", "é", "\n", " + 1", "#[cfg(any())]", "let z = 2;", ""]
    text = TEXT + UNICODE
    await open_doc(neovim, text)
    version = 1
    for _ in range(60):
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.randrange(6))
        new = rng.choice(fragments)
        (l1, c1) = lsp_position(text, start, neovim.encoding)
        (l2, c2) = lsp_position(text, end, neovim.encoding)
        version += 1
        neovim.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=pos(l1, c1), end=pos(l2, c2)), text=new)]))
        text = text[:start] + new + text[end:]
    incremental = plain(await request(neovim, "rustAst/syntaxTree", {"textDocument": {"uri": URI}}))
    fresh_uri = "file:///tmp/rust-ast-tests/fresh.rs"
    await open_doc(neovim, text, fresh_uri)
    fresh = plain(await request(neovim, "rustAst/syntaxTree", {"textDocument": {"uri": fresh_uri}}))
    assert incremental == fresh


async def test_diagnostics_settle_to_a_fresh_parse_when_typing_pauses(vscode: LanguageClient) -> None:
    """tree-sitter recovers from these syntax errors differently with the old tree than
    without; once typing pauses, the published errors are a fresh parse's."""
    text = (Path(__file__).parents[1] / "data" / "tree" / "edition2024.rs").read_text()
    await open_doc(vscode, text)
    steps = [(0.0, 0, "x"), (1.0, 0, "#[cfg(any())]"), (0.75, 6, "x"), (0.375, 0, "#[cfg(any())]"),
             (0.0, 0, "match x { _ => {} }"), (0.5625, 8, ";")]
    changes = []  # one notification: the server re-parses once, after all of them
    for where, length, new in steps:
        start = int(where * len(text.encode()))  # ASCII text: bytes are characters
        end = min(len(text), start + length)
        (l1, c1), (l2, c2) = lsp_position(text, start, "utf-16"), lsp_position(text, end, "utf-16")
        changes.append(types.TextDocumentContentChangePartial(range=types.Range(start=pos(l1, c1), end=pos(l2, c2)),
                                                              text=new))
        text = text[:start] + new + text[end:]
    vscode.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2), content_changes=changes))
    fresh_uri = "file:///tmp/rust-ast-tests/fresh.rs"
    await open_doc(vscode, text, fresh_uri)
    await until(lambda: fresh_uri in vscode.diagnostics)  # open_doc may have seen the settling publish
    fresh = [(d.range, d.message) for d in vscode.diagnostics[fresh_uri]]

    def settled() -> list[tuple[types.Range, str]]:
        return [(d.range, d.message) for d in vscode.diagnostics[URI]]
    await until(lambda: settled() == fresh)  # published once typing has paused for 0.3 s
    assert settled() == fresh


async def test_burst_publishes_for_the_last_version_and_never_stale(vscode: LanguageClient) -> None:
    published: list[tuple[int | None, int]] = []
    original = vscode.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        published.append((params.version, len(params.diagnostics)))
        original(params)

    vscode.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    await open_doc(vscode, "fn f() {}\n")
    published.clear()
    for version in range(2, 12):
        vscode.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=pos(0, 8), end=pos(0, 8)), text="(")]))
    await until(lambda: published and published[-1][0] == 11)
    versions = [v for v, _ in published]
    assert versions[-1] == 11
    assert versions == sorted(versions)  # never an older version after a newer one
    assert len(published) < 10  # coalesced


# -- settings, logging, resilience ----------------------------------------------------------


async def test_inlay_hints_follow_the_setting(vscode: LanguageClient) -> None:
    await open_doc(vscode)
    params = types.InlayHintParams(text_document=doc_id(), range=types.Range(start=pos(0, 0), end=pos(13, 0)))
    assert not await vscode.text_document_inlay_hint_async(params)
    vscode.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {"inlayHints": {"nodeIds": True}}}))
    hints = await vscode.text_document_inlay_hint_async(params)
    labels = [h.label for h in hints]
    assert "/* 7 */" in labels and any(label.startswith("/* block ") for label in labels)
    assert any(label.startswith("/* pat ") for label in labels)


async def test_bad_settings_are_reported_and_defaults_kept(vscode: LanguageClient) -> None:
    await open_doc(vscode)
    vscode.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {"edition": "2019", "inlayHints": {"nodeIds": "yes"}}}))
    await until(lambda: len(vscode.messages) >= 2)
    texts = [m.message for m in vscode.messages]
    assert any("rustAst.edition" in t and "2019" in t for t in texts)
    assert any("rustAst.inlayHints.nodeIds" in t for t in texts)
    hover = await vscode.text_document_hover_async(types.HoverParams(text_document=doc_id(), position=pos(2, 15)))
    assert "MethodCall" in hover.contents.value


FAULTY_SERVER = [sys.executable, str(Path(__file__).with_name("faulty_server.py"))]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=FAULTY_SERVER))
async def faulty(lsp_client: LanguageClient):
    keep_raw_results(lsp_client)
    accept_registrations(lsp_client)
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    yield
    await lsp_client.shutdown_session()


async def test_a_crash_in_a_handler_answers_with_an_error_and_keeps_serving(faulty: LanguageClient) -> None:
    await open_doc(faulty)
    with pytest.raises(Exception, match="injected failure"):
        await faulty.text_document_hover_async(types.HoverParams(text_document=doc_id(), position=pos(2, 15)))
    await until(lambda: any("injected failure" in m.message for m in faulty.log_messages))
    assert any("injected failure" in m.message for m in faulty.log_messages)
    nodes = await request(faulty, "rustAst/nodeAt",
                          {"textDocument": {"uri": URI}, "position": {"line": 2, "character": 15}})
    assert nodes  # the document is still open and served
