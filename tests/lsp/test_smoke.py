from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

URI = "file:///tmp/smoke/lib.rs"
TEXT = "fn add(a: i32) -> i32 {\n    let c = a.max(1) + 2;\n    c\n}\n"


async def open_doc(client: LanguageClient, text: str = TEXT, uri: str = URI) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="rust", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


async def test_hover_on_method_call(client: LanguageClient) -> None:
    await open_doc(client)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=1, character=15)))
    assert hover is not None
    assert "ExprKind::MethodCall" in hover.contents.value
    assert "NodeId(" in hover.contents.value
