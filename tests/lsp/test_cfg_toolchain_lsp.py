"""The server and the user's rustc (the real `rust-ast serve`, a fake `rustc`): a rustc
found through the workspace (PATH, which rustup resolves by the workspace's
rust-toolchain.toml) never runs unless the user allows it; `rustAst.rustc.path` or a
trusted workspace make its well-known names expected, read in the background."""

from __future__ import annotations

import os
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, client_capabilities, make_test_lsp_client

from tests.lsp.conftest import SERVER
from tests.lsp.test_check_cfg_lsp import cfg_messages, open_file, published
from tests.test_cfg_toolchain import FAKE_VERSION, calls, fake_rustc

LIB_RS = "#[cfg(rust_analyzer)] pub fn a() {}\n#[cfg(unix)] pub fn b() {}\n"
UNEXPECTED = "unexpected `cfg` condition name: `rust_analyzer`"


def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A crate with a rust-toolchain.toml, and a folder holding a fake `rustc`."""
    crate = tmp_path / "crate"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text('[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n')
    (crate / "rust-toolchain.toml").write_text('[toolchain]\npath = "../bin"\n')
    (crate / "src" / "lib.rs").write_text(LIB_RS)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_rustc(bin_dir)
    return crate, bin_dir


async def start(tmp_path: Path, crate: Path, bin_dir: Path, options: dict) -> LanguageClient:
    client = make_test_lsp_client()
    client.set_configuration(options.get("rustAst", {}), section="rustAst")  # as initializationOptions
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    await client.start_io(*SERVER, env=env, cwd=str(crate))
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=from_fs_path(str(crate)),
        initialization_options=options))
    return client


async def hover_text(client: LanguageClient, uri: str) -> str:
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=8)))
    return hover.contents.value


async def test_workspace_rustc_never_runs_unasked(tmp_path: Path) -> None:
    crate, bin_dir = workspace(tmp_path)
    client = await start(tmp_path, crate, bin_dir, {"rustAst": {"cfg": {"target": "wasm32-unknown-unknown"}}})
    try:
        uri = await open_file(client, crate / "src" / "lib.rs")
        await published(client, uri, lambda d: cfg_messages(d) == [UNEXPECTED])
        assert "checked against the shipped rustc 1.95 tables" in await hover_text(client, uri)
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"rustAst": {"cfg": {"target": "no-such-target"}}}))
        assert "checked against the shipped" in await hover_text(client, uri)
    finally:
        await client.shutdown_session()
    assert calls(bin_dir) == []


async def test_rustc_path_setting(tmp_path: Path) -> None:
    crate, bin_dir = workspace(tmp_path)
    other = tmp_path / "chosen"
    other.mkdir()
    rustc = fake_rustc(other)
    client = await start(tmp_path, crate, bin_dir, {"rustAst": {"rustc": {"path": str(rustc)}}})
    try:
        uri = await open_file(client, crate / "src" / "lib.rs")
        await published(client, uri, lambda d: cfg_messages(d) == [])
        assert f"checked against {FAKE_VERSION} ({rustc})" in await hover_text(client, uri)
    finally:
        await client.shutdown_session()
    assert calls(bin_dir) == [] and calls(other)[0] == "-vV"


async def test_trusted_workspace_runs_rustc_from_path(tmp_path: Path) -> None:
    crate, bin_dir = workspace(tmp_path)
    client = await start(tmp_path, crate, bin_dir, {"workspaceTrusted": True})
    try:
        uri = await open_file(client, crate / "src" / "lib.rs")
        await published(client, uri, lambda d: cfg_messages(d) == [])
        assert FAKE_VERSION in await hover_text(client, uri)
    finally:
        await client.shutdown_session()
    assert calls(bin_dir)[0] == "-vV"


async def test_a_file_outside_the_active_configuration(tmp_path: Path) -> None:
    crate, bin_dir = workspace(tmp_path)
    (crate / "src" / "lib.rs").write_text("#[cfg(windows)] mod win;\n")
    win = crate / "src" / "win.rs"
    win.write_text("#[cfg(windws)] pub fn w() {}\n")
    client = await start(tmp_path, crate, bin_dir, {})
    try:
        uri = await open_file(client, win)
        diags = await published(client, uri, lambda d: len(d) == 3)  # with the inactive `fn`
        lint = next(d for d in diags if d.code == "unexpected_cfgs")
        assert lint.message.startswith("unexpected `cfg` condition name: `windws`")
        assert "\nnote: found in another configuration than the active one: no crate of its package" in lint.message
        inactive = [d for d in diags if d.code == "inactive-code" and d.message.startswith("file is inactive: ")]
        assert [d.range.start.line for d in inactive] == [0]
        client.set_configuration({"checkCfg": {"allConfigurations": False}}, section="rustAst")
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"rustAst": {"checkCfg": {"allConfigurations": False}}}))
        await published(client, uri, lambda d: not d)
    finally:
        await client.shutdown_session()
    assert calls(bin_dir) == []
