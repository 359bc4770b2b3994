"""A file is analysed in its crate: crate-wide NodeIds in a module file whose crate
root is never opened, following edits of the root, `findNodeId` into an unopened file,
and the configuration following Cargo.toml's default features. Expected ids follow
node-ids.md (edition 2021: a crate's first item is 7)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient

from .conftest import until

MANIFEST = '[package]\nname = "p"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\ndefault = ["std"]\nstd = []\n'
LIB = '#[cfg(feature = "std")]\nfn with_std() {}\nmod a;\nmod b;\n'
A = "fn in_a() {}\n"
B = "fn in_b() {}\n"
# with_std 7 (cfg segment 8, block 9) · mod a 10 · in_a 11 (block 12) · mod b 13 · in_b 14


def package(tmp_path: Path, manifest: str = MANIFEST) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text(manifest)
    for name, text in (("lib.rs", LIB), ("a.rs", A), ("b.rs", B)):
        (tmp_path / "src" / name).write_text(text)
    return tmp_path


def touch_later(path: Path, text: str) -> None:
    """Rewrite `path` with a modification time surely different from before."""
    stat = path.stat()
    path.write_text(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def uri(path: Path) -> str:
    return from_fs_path(str(path))


async def open_file(client: LanguageClient, path: Path, text: str | None = None) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri(path), language_id="rust", version=1, text=path.read_text() if text is None else text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


async def request(client: LanguageClient, method: str, params: dict):
    return json.loads(json.dumps(await client.protocol.send_request_async(method, params)))


async def item_ids(client: LanguageClient, path: Path) -> dict[str, int]:
    rows = await request(client, "rustAst/nodeIds", {"textDocument": {"uri": uri(path)}})
    return {r["ident"]: r["id"] for r in rows if r["class"] == "Item" and "ident" in r}


async def test_a_module_file_opened_first_gets_the_crate_ids(client: LanguageClient, tmp_path: Path) -> None:
    root = package(tmp_path)
    b = root / "src" / "b.rs"
    await open_file(client, b)
    assert await item_ids(client, b) == {"in_b": 14}
    info = await request(client, "rustAst/crateInfo", {"textDocument": {"uri": uri(b)}})
    assert (info["module"], Path(info["root"]).name, info["edition"]) == ("crate::b", "lib.rs", 2021)
    assert info["features"] == ["default", "std"]
    tree = await request(client, "rustAst/syntaxTree", {"textDocument": {"uri": uri(b)}})
    assert (tree["json"]["class"], tree["json"]["module"], tree["json"]["crate_root"]) == ("Module", "crate::b",
                                                                                          "src/lib.rs")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(b)), position=types.Position(line=0, character=4)))
    assert "`NodeId(14)`" in hover.contents.value and "module `crate::b`" in hover.contents.value


async def test_edits_of_the_crate_root_move_a_modules_ids(vscode: LanguageClient, tmp_path: Path) -> None:
    root = package(tmp_path)
    lib, b = root / "src" / "lib.rs", root / "src" / "b.rs"
    await open_file(vscode, b)
    await open_file(vscode, lib)
    vscode.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {"inlayHints": {"nodeIds": True}}}))
    vscode.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(lib), version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            text="fn first() {}\n")]))
    # first 7 (block 8) · with_std 9 ... · in_b 16
    assert await item_ids(vscode, b) == {"in_b": 16}
    hints = await vscode.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=types.TextDocumentIdentifier(uri=uri(b)),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=1, character=0))))
    assert "/* 16 */" in [hint.label for hint in hints]


async def test_find_node_id_answers_in_an_unopened_file(client: LanguageClient, tmp_path: Path) -> None:
    root = package(tmp_path)
    b = root / "src" / "b.rs"
    await open_file(client, b)
    location = await request(client, "rustAst/findNodeId", {"textDocument": {"uri": uri(b)}, "id": 11})
    assert location["uri"] == uri(root / "src" / "a.rs")
    assert location["range"]["start"] == {"line": 0, "character": 0}


async def test_cargo_tomls_default_features_decide_ids_and_greying(vscode: LanguageClient, tmp_path: Path) -> None:
    root = package(tmp_path)
    lib, b = root / "src" / "lib.rs", root / "src" / "b.rs"
    await open_file(vscode, b)
    assert await item_ids(vscode, b) == {"in_b": 14}
    manifest = root / "Cargo.toml"
    touch_later(manifest, MANIFEST.replace('default = ["std"]', "default = []"))
    vscode.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=uri(manifest), type=types.FileChangeType.Changed)]))
    assert await item_ids(vscode, b) == {"in_b": 11}  # with_std is cfg'd out: mod a 7, in_a 8, mod b 10
    vscode.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri(lib), language_id="rust", version=1, text=LIB)))
    await until(lambda: any(d.range.start.line == 0 for d in vscode.diagnostics.get(uri(lib), [])))
    greyed = [d for d in vscode.diagnostics.get(uri(lib), []) if types.DiagnosticTag.Unnecessary in (d.tags or [])]
    assert [d.range.start.line for d in greyed] == [0]
    rows = await request(vscode, "rustAst/nodeAt", {"textDocument": {"uri": uri(lib)},
                                                    "position": {"line": 1, "character": 4}})
    assert rows[-1]["class"] == "Item" and rows[-1]["id"] is None


async def test_a_module_growing_on_disk_moves_the_ids_after_its_mod_item(vscode: LanguageClient,
                                                                         tmp_path: Path) -> None:
    root = package(tmp_path)
    a, b = root / "src" / "a.rs", root / "src" / "b.rs"
    await open_file(vscode, b)
    assert await item_ids(vscode, b) == {"in_b": 14}
    touch_later(a, "fn in_a() {}\nfn more() {}\n")
    vscode.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=uri(a), type=types.FileChangeType.Changed)]))
    assert await item_ids(vscode, b) == {"in_b": 16}  # more 13 (block 14) · mod b 15
