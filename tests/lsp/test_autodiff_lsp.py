"""autodiff over LSP: code lenses, hovers, misuse diagnostics, `rustAst/expandAutodiff`."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.test_server import doc_id, plain, pos, request

URI = "file:///tmp/rust-ast-tests/ad.rs"
TEXT = """\
#![feature(autodiff)]
use std::autodiff::*;

#[autodiff_reverse(df, Duplicated, Active)]
fn square(x: &f64) -> f64 {
    x * x
}

#[autodiff_forward(dbad, Active)]
fn bad(x: f64) {}

fn main() {
    let mut dx = 0.0;
    let y = df(&3.0, &mut dx, 1.0);
}
"""


async def open_ad(client: LanguageClient) -> list[types.Diagnostic]:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="rust", version=1, text=TEXT)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[URI]


async def test_code_lens_shows_the_generated_signature(client: LanguageClient) -> None:
    await open_ad(client)
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=doc_id(URI)))
    assert [lens.range.start.line for lens in lenses] == [3, 8]
    good, bad = lenses
    assert good.command.title == "Preview expansion: fn df(x: &f64, dx_0: &mut f64, dret: f64) -> f64"
    assert good.command.command == "rustAst.previewAutodiff"
    assert plain(good.command.arguments) == [URI, {"line": 3, "character": 0}]
    assert bad.command.title == "autodiff: 1 error (rustc rejects this attribute)"


async def test_misuse_is_a_diagnostic_with_rustcs_message(client: LanguageClient) -> None:
    diagnostics = [d for d in await open_ad(client) if d.code == "autodiff"]
    assert [(d.range.start.line, d.message) for d in diagnostics] == [
        (8, "Active can not be used in Forward Mode")]
    assert diagnostics[0].severity == types.DiagnosticSeverity.Error


async def test_hover_on_an_activity_explains_it(client: LanguageClient) -> None:
    await open_ad(client)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=doc_id(URI), position=pos(3, TEXT.splitlines()[3].index("Duplicated") + 2)))
    text = hover.contents.value
    assert text.startswith("**autodiff** (Reverse mode, width 1): `square` → `df`")
    assert "fn df(x: &f64, dx_0: &mut f64, dret: f64) -> f64" in text
    assert "`Duplicated` on `x: &f64`" in text and "`Active` on" not in text
    assert "ExprKind" not in text.split("---")[0] and "Attribute" in text.split("---")[1]


async def test_hover_on_a_call_of_the_generated_fn_shows_its_signature(client: LanguageClient) -> None:
    await open_ad(client)
    line = TEXT.splitlines()[13]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=doc_id(URI), position=pos(13, line.index("df(") + 1)))
    text = hover.contents.value
    assert text.startswith("```rust\nfn df(x: &f64, dx_0: &mut f64, dret: f64) -> f64\n```")
    assert "ExprKind::Path" in text


async def test_expand_autodiff_at_a_position_and_for_the_file(client: LanguageClient) -> None:
    await open_ad(client)
    everything = plain(await request(client, "rustAst/expandAutodiff", {"textDocument": {"uri": URI}}))
    assert [(e["source"], e["generated"], e["mode"]) for e in everything] == [
        ("square", "df", "Reverse"), ("bad", "dbad", "Forward")]
    assert everything[0]["text"].startswith("#[rustc_autodiff]\nfn square(x: &f64) -> f64")
    assert everything[1]["text"] is None
    assert everything[1]["diagnostics"] == [
        {"span": [9, 1, 9, 34], "level": "error", "message": "Active can not be used in Forward Mode"}]
    at = plain(await request(client, "rustAst/expandAutodiff",
                             {"textDocument": {"uri": URI}, "position": {"line": 9, "character": 3}}))
    assert at == everything[1:]
    nowhere = plain(await request(client, "rustAst/expandAutodiff",
                                  {"textDocument": {"uri": URI}, "position": {"line": 12, "character": 3}}))
    assert nowhere == []
