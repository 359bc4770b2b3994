"""check-cfg over LSP, against the real `rust-ast serve` (pytest-lsp, VS Code's and
Neovim's capabilities): diagnostics as you type, inactive code, quick fixes that edit
the file and Cargo.toml, the hover on a predicate, watched Cargo.toml changes, and
`rustAst.checkCfg.extra` for files without a Cargo.toml."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient

from tests.lsp.conftest import PATIENCE, REGISTRATIONS

CARGO_TOML = """\
[package]
name = "demo"
version = "0.1.0"
edition = "2021"

[features]
default = []
std = []
"""
LIB_RS = """\
#[cfg(feature = "stdd")] pub fn a() {}
#[cfg(feature = "std")] pub fn b() {}
#[cfg(has_foo)] pub fn c() {}
#[cfg(feature = "extra")] pub fn d() {}
pub fn e() -> bool { cfg!(unix) }
"""


@pytest.fixture
def crate(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text(CARGO_TOML)
    (tmp_path / "src" / "lib.rs").write_text(LIB_RS)
    return tmp_path


def uri_of(path: Path) -> str:
    return from_fs_path(str(path))


async def published(client: LanguageClient, uri: str, check, timeout: float = PATIENCE) -> list[types.Diagnostic]:
    """The document's diagnostics once `check(diagnostics)` holds."""
    async def wait() -> list[types.Diagnostic]:
        while True:
            diags = client.diagnostics.get(uri)
            if diags is not None and check(diags):
                return list(diags)
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return await asyncio.wait_for(wait(), timeout)


async def registered(client: LanguageClient, method: str, timeout: float = PATIENCE) -> list[types.Registration]:
    """What the server registered for `method`, once it has (the server asks after
    `initialized`, independently of the first diagnostics)."""
    async def wait() -> list[types.Registration]:
        while not (found := [r for r in REGISTRATIONS.get(id(client), []) if r.method == method]):
            await asyncio.sleep(0.01)
        return found
    return await asyncio.wait_for(wait(), timeout)


async def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = uri_of(path)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="rust", version=1, text=path.read_text() if text is None else text)))
    return uri


def cfg_messages(diags: list[types.Diagnostic]) -> list[str]:
    return [d.message.split("\n")[0] for d in diags if d.code in ("unexpected_cfgs", "malformed_cfg")]


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Text edits (ASCII text, UTF-16 positions) applied as an editor applies them."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character if p.line < len(starts) else len(text)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_diagnostics_with_cargo_texts_and_inactive_code(client: LanguageClient, crate: Path) -> None:
    uri = await open_file(client, crate / "src" / "lib.rs")
    diags = await published(client, uri, lambda d: len(cfg_messages(d)) == 3)
    assert cfg_messages(diags) == ["unexpected `cfg` condition value: `stdd`",
                                   "unexpected `cfg` condition name: `has_foo`",
                                   "unexpected `cfg` condition value: `extra`"]
    first = next(d for d in diags if d.code == "unexpected_cfgs")
    assert first.severity == types.DiagnosticSeverity.Warning and first.source == "rust-ast"
    assert first.code_description.href == "https://doc.rust-lang.org/nightly/rustc/check-cfg/cargo-specifics.html"
    assert "note: expected values for `feature` are: `default` and `std`" in first.message
    assert first.range == types.Range(start=types.Position(line=0, character=6),
                                      end=types.Position(line=0, character=22))
    inactive = [d for d in diags if d.code == "inactive-code"]
    assert [d.range.start.line for d in inactive] == [0, 1, 2, 3]
    assert inactive[1].message == 'code is inactive due to #[cfg] directives: feature = "std" is disabled'
    assert inactive[1].severity == types.DiagnosticSeverity.Hint
    assert list(inactive[1].tags) == [types.DiagnosticTag.Unnecessary]


async def test_diagnostics_follow_edits(client: LanguageClient, crate: Path) -> None:
    uri = await open_file(client, crate / "src" / "lib.rs")
    await published(client, uri, lambda d: len(cfg_messages(d)) == 3)
    # `stdd` -> `std`: the line-0 warning goes, and the other lines keep theirs.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=19), end=types.Position(line=0, character=20)),
            text="")]))
    diags = await published(client, uri, lambda d: len(cfg_messages(d)) == 2)
    assert cfg_messages(diags) == ["unexpected `cfg` condition name: `has_foo`",
                                   "unexpected `cfg` condition value: `extra`"]
    assert [d.range.start.line for d in diags if d.code == "unexpected_cfgs"] == [2, 3]


async def test_quick_fixes_edit_the_file_and_cargo_toml(client: LanguageClient, crate: Path) -> None:
    uri = await open_file(client, crate / "src" / "lib.rs")
    await published(client, uri, lambda d: len(cfg_messages(d)) == 3)

    async def actions(line: int) -> list[types.CodeAction]:
        found = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=line, character=8), end=types.Position(line=line, character=8)),
            context=types.CodeActionContext(diagnostics=[])))
        return list(found or [])

    similar = await actions(0)
    assert [a.title for a in similar] == ['there is a expected value with a similar name: `"std"`',
                                          "Add feature `stdd` to Cargo.toml's `[features]`"]
    assert apply(LIB_RS, similar[0].edit.changes[uri]).splitlines()[0] == '#[cfg(feature = "std")] pub fn a() {}'

    declare = await actions(2)
    assert [a.title for a in declare] == ["Declare `cfg(has_foo)` in Cargo.toml's `[lints.rust] unexpected_cfgs`"]
    toml_uri = uri_of(crate / "Cargo.toml")
    assert apply(CARGO_TOML, declare[0].edit.changes[toml_uri]) == CARGO_TOML + (
        "\n[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(has_foo)'] }\n")

    feature = await actions(3)
    assert [a.title for a in feature] == ["Add feature `extra` to Cargo.toml's `[features]`"]
    assert apply(CARGO_TOML, feature[0].edit.changes[toml_uri]) == CARGO_TOML + "extra = []\n"


async def test_hover_on_a_predicate(client: LanguageClient, crate: Path) -> None:
    uri = await open_file(client, crate / "src" / "lib.rs")
    await published(client, uri, lambda d: len(cfg_messages(d)) == 3)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=10)))
    text = hover.contents.value
    assert "**cfg predicate** · target `x86_64-unknown-linux-gnu`, features `default`" in text
    assert '`feature = "std"`: disabled; expected (declared by Cargo.toml `[features]`)' in text
    assert "**false** (feature = \"std\" is disabled): the item is removed (inactive code)" in text
    assert hover.range.start == types.Position(line=1, character=0)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=28)))
    assert "`unix`: enabled; expected (a well-known name)" in hover.contents.value
    assert "checked against the shipped rustc 1.95 tables" in hover.contents.value
    assert "`cfg!` expands to `true`" in hover.contents.value


async def test_watched_cargo_toml_change_refreshes(vscode: LanguageClient, crate: Path) -> None:
    uri = await open_file(vscode, crate / "src" / "lib.rs")
    await published(vscode, uri, lambda d: len(cfg_messages(d)) == 3)
    watchers = await registered(vscode, types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    assert [w["globPattern"] for w in watchers[0].register_options["watchers"]] == [
        "**/Cargo.toml", "**/build.rs", "**/*.rs"]  # module files: crates follow them too
    (crate / "Cargo.toml").write_text(CARGO_TOML + "extra = []\n\n[lints.rust]\n"
                                      "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(has_foo)'] }\n")
    vscode.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=uri_of(crate / "Cargo.toml"), type=types.FileChangeType.Changed)]))
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 1)
    assert cfg_messages(diags) == ["unexpected `cfg` condition value: `stdd`"]


async def test_malformed_cargo_toml_is_reported_on_it(vscode: LanguageClient, crate: Path) -> None:
    (crate / "Cargo.toml").write_text(CARGO_TOML + "\n[lints.rust.unexpected_cfgs]\ncheck-cfg = ['cfg(foo)']\n")
    uri = await open_file(vscode, crate / "src" / "lib.rs")
    toml = await published(vscode, uri_of(crate / "Cargo.toml"), lambda d: len(d) == 1)
    assert toml[0].message == "missing field `level`" and toml[0].range.start.line == 9
    diags = await published(vscode, uri, lambda d: any(x.code == "inactive-code" for x in d))
    assert cfg_messages(diags) == []  # like rustc without --check-cfg: nothing is checked


async def test_extra_specs_without_cargo_toml(vscode: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "alone.rs"
    path.write_text("#[cfg(has_bar)] pub fn a() {}\n#[cfg(foo = 1)] pub fn b() {}\n")
    uri = await open_file(vscode, path)
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 1)
    assert cfg_messages(diags) == ["malformed `cfg` attribute input"]
    vscode.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {"checkCfg": {"extra": ["cfg(has_baz)"]}}}))
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 2)
    assert cfg_messages(diags) == ["unexpected `cfg` condition name: `has_bar`", "malformed `cfg` attribute input"]
    assert "help: to expect this configuration use `--check-cfg=cfg(has_bar)`" in diags[0].message


async def test_declaring_in_a_workspace_member_edits_the_root(vscode: LanguageClient, tmp_path: Path) -> None:
    root_toml = ('[workspace]\nmembers = ["member"]\n\n[workspace.lints.rust]\n'
                 "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(ws_flag)'] }\n")
    (tmp_path / "Cargo.toml").write_text(root_toml)
    member = tmp_path / "member"
    (member / "src").mkdir(parents=True)
    (member / "Cargo.toml").write_text('[package]\nname = "member"\nversion = "0.1.0"\n\n[lints]\nworkspace = true\n')
    (member / "src" / "lib.rs").write_text("#[cfg(ws_flag)] pub fn a() {}\n#[cfg(ws_other)] pub fn b() {}\n")
    uri = await open_file(vscode, member / "src" / "lib.rs")
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 1)
    assert cfg_messages(diags) == ["unexpected `cfg` condition name: `ws_other`"]
    actions = await vscode.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=1, character=8), end=types.Position(line=1, character=8)),
        context=types.CodeActionContext(diagnostics=[])))
    declare = [a for a in actions if a.title.startswith("Declare")]
    assert [a.title for a in declare] == [
        "Declare `cfg(ws_other)` in the workspace Cargo.toml's `[lints.rust] unexpected_cfgs`"]
    [(edited_uri, edits)] = declare[0].edit.changes.items()
    assert edited_uri == uri_of(tmp_path / "Cargo.toml")
    assert apply(root_toml, edits) == root_toml.replace("['cfg(ws_flag)']", "['cfg(ws_flag)', 'cfg(ws_other)']")


def test_package_sessions_and_cargo_toml_problems_are_worked_out_once(tmp_path: Path, monkeypatch) -> None:
    """In-process: a keystroke's diagnostics reuse the package's sessions and leave
    Cargo.toml's problems alone until Cargo.toml changes on disk."""
    from ast_core.targets import target_cfg
    from ast_core.document import Document, DocumentConfig
    from server.documents import Documents, OpenDocument
    from server.features import check_cfg

    calls = {"specs": 0, "problems": 0}

    def counted(name: str, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(check_cfg, "cargo_session_specs", counted("specs", check_cfg.cargo_session_specs))
    monkeypatch.setattr(check_cfg, "package_problems", counted("problems", check_cfg.package_problems))

    class Server:
        def __init__(self) -> None:
            self.documents = Documents()
            self.check_cfg = check_cfg.CheckCfgState(self.documents)
            self.published: list[types.PublishDiagnosticsParams] = []

        def text_document_publish_diagnostics(self, params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)

    manifest = tmp_path / "Cargo.toml"
    manifest.write_text(CARGO_TOML + "\n[lints.rust]\n"
                        "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(bad'] }\n")
    (tmp_path / "src").mkdir()
    lib = tmp_path / "src" / "lib.rs"
    lib.write_text(LIB_RS)
    opened = OpenDocument(uri_of(lib), 1, lib, Document(LIB_RS.encode(), DocumentConfig(2021, target_cfg(), None)))
    ls = Server()
    first = check_cfg.diagnostics(ls, opened)  # type: ignore[arg-type]
    assert cfg_messages(first) == cfg_messages(check_cfg.diagnostics(ls, opened))  # type: ignore[arg-type]
    assert cfg_messages(first)[0] == "unexpected `cfg` condition value: `stdd`"
    package, session = ls.check_cfg.session(opened)
    assert package is ls.check_cfg.package(lib) and session is ls.check_cfg.session(opened)[1]
    assert calls == {"specs": 1, "problems": 1}
    [toml] = ls.published
    assert toml.uri == uri_of(manifest)
    assert [d.message.split("\n")[0] for d in toml.diagnostics] == ["invalid `--check-cfg` argument: `cfg(bad`"]

    manifest.write_text(CARGO_TOML + "\n")  # fixed and saved: read again, worked out again, cleared
    ls.documents.files_changed([manifest])
    check_cfg.diagnostics(ls, opened)  # type: ignore[arg-type]
    assert calls == {"specs": 2, "problems": 2}
    assert ls.published[-1].uri == uri_of(manifest) and ls.published[-1].diagnostics == []


@pytest.mark.parametrize(("lib", "mod_item", "expected"), [
    ("", "#[allow(unexpected_cfgs)] mod net;", []),
    ("#![allow(unexpected_cfgs)]", "mod net;", []),
    ("#![deny(unexpected_cfgs)]", "mod net;", [types.DiagnosticSeverity.Error]),
    ("#![deny(unexpected_cfgs)]", "#[warn(unexpected_cfgs)] mod net;", [types.DiagnosticSeverity.Warning]),
])
async def test_module_file_alone_has_its_parents_lint_levels(
        vscode: LanguageClient, crate: Path, lib: str, mod_item: str, expected: list) -> None:
    """A module file opened alone (its crate root never opened) is linted with the
    levels its crate root and its parent's `mod` item set, as `rust-ast check-cfg`
    on the crate lints it."""
    (crate / "src" / "lib.rs").write_text(f"{lib}\npub mod outer;\n")
    (crate / "src" / "outer.rs").write_text(f"{mod_item}\n")
    (crate / "src" / "outer").mkdir()
    net = crate / "src" / "outer" / "net.rs"
    net.write_text("pub fn plain() {}\n#[cfg(feature = \"typo\")] pub fn typo() {}\n")
    uri = await open_file(vscode, net)
    # the first diagnostics go out before the crate is loaded: wait for the crate's
    diags = await published(vscode, uri, lambda d: (
        [x.severity for x in d if x.code == "unexpected_cfgs"] == expected
        and any(x.code == "inactive-code" for x in d)))
    if lib.startswith("#![deny") and not mod_item.startswith("#[warn"):
        [error] = [d for d in diags if d.code == "unexpected_cfgs"]
        assert error.message.splitlines()[0] == "unexpected `cfg` condition value: `typo`"
        assert "note: the lint level is defined here" in error.message
        [defined] = [r for r in error.related_information if r.message == "the lint level is defined here"]
        assert defined.location.uri == uri_of(crate / "src" / "lib.rs")
        assert defined.location.range == types.Range(start=types.Position(line=0, character=8),
                                                     end=types.Position(line=0, character=23))


async def test_cfgs_inside_removed_code_are_found_in_another_configuration(vscode: LanguageClient,
                                                                             crate: Path) -> None:
    """A `#[cfg(test)] mod tests` body and a `#[cfg(windows)] fn` body: rustc checks
    nothing there; the editor does, each warning naming the configuration, until
    `rustAst.checkCfg.allConfigurations` is turned off."""
    lib = crate / "src" / "lib.rs"
    lib.write_text("#[cfg(feature = \"stdd\")] pub fn a() {}\n"
                   "#[cfg(windows)] pub fn w() { #[cfg(feature = \"typo\")] let _x = 1; }\n"
                   "#[cfg(test)] mod tests { #[cfg(tset)] fn t() {} }\n")
    uri = await open_file(vscode, lib)
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 3)
    assert cfg_messages(diags) == ["unexpected `cfg` condition value: `stdd`",
                                   "unexpected `cfg` condition value: `typo`",
                                   "unexpected `cfg` condition name: `tset`"]
    active, windows, test = (d for d in diags if d.code == "unexpected_cfgs")
    assert "another configuration" not in active.message
    assert windows.message.endswith("\nnote: found in another configuration than the active one: "
                                    "inside code the active configuration removes (windows is disabled)")
    assert test.message.endswith("(test is disabled)") and test.range.start.line == 2
    assert [d.range.start.line for d in diags if d.code == "inactive-code"] == [0, 1, 2]
    vscode.set_configuration({"checkCfg": {"allConfigurations": False}}, section="rustAst")
    vscode.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"rustAst": {"checkCfg": {"allConfigurations": False}}}))
    diags = await published(vscode, uri, lambda d: len(cfg_messages(d)) == 1)
    assert cfg_messages(diags) == ["unexpected `cfg` condition value: `stdd`"]


async def test_once_per_session_notes_fall_as_in_the_crates_session(vscode: LanguageClient, crate: Path) -> None:
    """A module file opened alone: rustc's once-per-session children (the lint-level
    note, the "expected names" help) go where `rust-ast check-cfg` on the crate puts
    them (the root's first finding carries the note; the module's first name finding
    the help), not as if the file were compiled alone."""
    from ast_core.cfg.driver import check_paths

    (crate / "src" / "lib.rs").write_text("#[cfg(feature = \"stdd\")] pub fn a() {}\nmod net;\n")
    net = crate / "src" / "net.rs"
    net.write_text("#[cfg(has_foo)] pub fn b() {}\n#[cfg(feature = \"typo\")] pub fn c() {}\n")
    cli = [r.diag for r in check_paths([str(crate)], jobs=1, cwd=crate).reported if r.name == "src/net.rs"]
    expected = [d.message + "".join(f"\n{c.level}: {c.message}" for c in d.children) for d in cli]
    assert len(expected) == 2 and "on by default" not in "".join(expected)
    assert "expected names are" in expected[0]
    uri = await open_file(vscode, net)
    # (the first diagnostics go out before the crate is loaded: wait for the crate's)
    diags = await published(vscode, uri, lambda d: [x.message for x in d if x.code == "unexpected_cfgs"] == expected)
    assert [x.range.start.line for x in diags if x.code == "unexpected_cfgs"] == [0, 1]
    # (the server read the crate for its session in the background, and says so)
    info = await vscode.protocol.send_request_async("rustAst/crateInfo", {"textDocument": {"uri": uri}})
    assert info["checkCfgSession"] == "crate"
