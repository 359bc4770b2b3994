"""The `rustAst.<feature>.enable` switches, which let rust-ast run beside rust-analyzer:
a feature switched off answers null (hover, outline, folding, selection ranges) or
publishes no inactive-code hints, and comes back when switched on again."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp.conftest import SERVER, accept_registrations

TEXT = """\
#[cfg(feature = "off")] pub fn hidden() {}
pub fn add(a: i32, b: i32) -> i32 {
    a.max(b)
}
"""
SWITCHES = ("hover", "outline", "folding", "selectionRange", "inactiveCode")


def configure(client: LanguageClient, enabled: bool) -> None:
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {name: {"enable": enabled} for name in SWITCHES}}))


async def inactive_hints(client: LanguageClient, uri: str, want: int) -> list[types.Diagnostic]:
    """The document's inactive-code hints, once a publish holds `want` of them."""
    async def wait() -> list[types.Diagnostic]:
        while True:
            diags = [d for d in client.diagnostics.get(uri) or [] if d.code == "inactive-code"]
            if len(diags) == want:
                return diags
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return await asyncio.wait_for(wait(), 10)


async def answers(client: LanguageClient, uri: str) -> dict[str, object]:
    doc = types.TextDocumentIdentifier(uri=uri)
    position = types.Position(line=2, character=7)  # `max`
    return {
        "hover": await client.text_document_hover_async(types.HoverParams(text_document=doc, position=position)),
        "outline": await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc)),
        "folding": await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc)),
        "selectionRange": await client.text_document_selection_range_async(
            types.SelectionRangeParams(text_document=doc, positions=[position])),
    }


async def test_each_feature_switches_off_and_on(vscode: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "lib.rs"
    path.write_text(TEXT)
    uri = from_fs_path(str(path))
    vscode.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="rust", version=1, text=TEXT)))
    [hint] = await inactive_hints(vscode, uri, 1)
    assert hint.range.start.line == 0
    on = await answers(vscode, uri)
    assert "MethodCall" in on["hover"].contents.value
    assert [s.name for s in on["outline"]] == ["hidden", "add"]
    assert [(r.start_line, r.end_line) for r in on["folding"]] == [(1, 3)]
    assert on["selectionRange"][0].range.start == types.Position(line=2, character=6)

    configure(vscode, False)
    await inactive_hints(vscode, uri, 0)
    assert await answers(vscode, uri) == {name: None for name in ("hover", "outline", "folding", "selectionRange")}

    configure(vscode, True)
    await inactive_hints(vscode, uri, 1)
    assert await answers(vscode, uri) == on


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def refreshing(lsp_client: LanguageClient):
    """VS Code's capabilities, plus `workspace/foldingRange/refresh` (LSP 3.18), which
    VS Code supports and pytest-lsp's profile leaves out."""
    accept_registrations(lsp_client)
    capabilities = client_capabilities("visual-studio-code")
    capabilities.workspace.folding_range = types.FoldingRangeWorkspaceClientCapabilities(refresh_support=True)
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def test_switching_folding_asks_the_client_to_refresh(refreshing: LanguageClient) -> None:
    refreshed = asyncio.Event()

    @refreshing.feature(types.WORKSPACE_FOLDING_RANGE_REFRESH)
    def folding_refresh(params: None) -> None:
        refreshed.set()

    configure(refreshing, True)  # the defaults: nothing to refresh
    configure(refreshing, False)
    await asyncio.wait_for(refreshed.wait(), 10)


async def test_a_switch_that_is_not_a_boolean_is_reported(vscode: LanguageClient) -> None:
    vscode.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {"hover": {"enable": "no"}}}))
    for _ in range(100):
        if vscode.messages:
            break
        await asyncio.sleep(0.02)
    assert [m.message for m in vscode.messages] == ["rustAst.hover.enable: expected true or false; using the default"]
