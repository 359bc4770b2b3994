"""Cargo.toml, build.rs and module file changes reach the server without the client
watching files (Neovim on Linux cannot): a saved Cargo.toml quick fix, seen by the
server's own check of modification times, `didSave` of build.rs, and a module file
rewritten on disk. The Rust buffer is never edited."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp.conftest import PATIENCE, SERVER, accept_registrations, keep_raw_results
from tests.lsp.test_crate_lsp import item_ids, package, touch_later
from tests.lsp.test_crate_lsp import open_file as open_module
from tests.lsp.test_check_cfg_lsp import CARGO_TOML, apply, cfg_messages, crate, open_file, published, uri_of

__all__ = ["crate"]  # the fixture, used by name

BUILD_RS = 'fn main() {\n    println!("cargo::rustc-check-cfg=cfg(has_foo)");\n}\n'


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def unwatching(lsp_client: LanguageClient):
    """VS Code's capabilities without `workspace.didChangeWatchedFiles`."""
    keep_raw_results(lsp_client)
    accept_registrations(lsp_client)
    capabilities = copy.deepcopy(client_capabilities("visual-studio-code"))
    capabilities.workspace.did_change_watched_files = None
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def declare_has_foo(client: LanguageClient, uri: str, crate: Path) -> None:
    """The quick fix declaring `cfg(has_foo)`, its Cargo.toml edit written to disk as
    an editor does on saving."""
    await published(client, uri, lambda d: len(cfg_messages(d)) == 3)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=2, character=8), end=types.Position(line=2, character=8)),
        context=types.CodeActionContext(diagnostics=[])))
    [declare] = [a for a in actions if a.title.startswith("Declare")]
    manifest = crate / "Cargo.toml"
    manifest.write_text(apply(CARGO_TOML, declare.edit.changes[uri_of(manifest)]))
    assert manifest.read_text().endswith("check-cfg = ['cfg(has_foo)'] }\n")


async def test_server_notices_a_saved_cargo_toml_by_itself(unwatching: LanguageClient, crate: Path) -> None:
    """What Neovim does: the quick fix edits a buffer, `:wall` writes it, and nothing
    tells the server."""
    uri = await open_file(unwatching, crate / "src" / "lib.rs")
    await declare_has_foo(unwatching, uri, crate)
    diags = await published(unwatching, uri, lambda d: len(cfg_messages(d)) == 2)
    assert cfg_messages(diags) == ["unexpected `cfg` condition value: `stdd`",
                                   "unexpected `cfg` condition value: `extra`"]


async def test_saving_build_rs_rereads_it(vscode: LanguageClient, crate: Path) -> None:
    """A client that watches files but reports nothing: `didSave` alone refreshes."""
    build = crate / "build.rs"
    build.write_text("fn main() {}\n")
    uri = await open_file(vscode, crate / "src" / "lib.rs")
    await published(vscode, uri, lambda d: len(cfg_messages(d)) == 3)
    build_uri = await open_file(vscode, build)
    build.write_text(BUILD_RS)
    vscode.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=build_uri)))
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 2)
    assert "unexpected `cfg` condition name: `has_foo`" not in cfg_messages(diags)


async def test_a_module_file_changed_on_disk_moves_the_ids_after_it(unwatching: LanguageClient,
                                                                     tmp_path: Path) -> None:
    """Nothing reports the change: the stamps the server checks (at most once a second)
    find it, and the ids after the module's `mod` item move."""
    root = package(tmp_path)
    a, b = root / "src" / "a.rs", root / "src" / "b.rs"
    await open_module(unwatching, b)
    assert await item_ids(unwatching, b) == {"in_b": 14}
    touch_later(a, "fn in_a() {}\nfn more() {}\n")

    async def moved() -> dict[str, int]:
        while (ids := await item_ids(unwatching, b)) == {"in_b": 14}:
            await asyncio.sleep(0.1)
        return ids

    assert await asyncio.wait_for(moved(), PATIENCE) == {"in_b": 16}  # more 13 (block 14) · mod b 15
