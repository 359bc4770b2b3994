"""check-cfg in the editor: rustc's `unexpected_cfgs` lint and malformed-cfg errors as
diagnostics, inactive code greyed out, quick fixes (rustc's suggestions, and edits to
Cargo.toml), a hover section on cfg predicates.

An open file is linted as rustc lints it in its crate's session, as `rust-ast
check-cfg` on the crate does (`crate_lint.CrateLints`; until its crate is loaded and
read in the background, or when no crate reaches it, as a session of its own with the
levels its parents set, `crate_context`): with its package's expected set (the nearest
Cargo.toml, its workspace root and build script, as cargo builds it) plus
`rustAst.checkCfg.extra`; active code follows `rustAst.cfg.target` and the package's
default features plus `rustAst.checkCfg.features`. The pass runs per unit of the
document (`report.document_scans`), the crate's other files are scanned once per
version, so a keystroke rescans only what changed.
Packages are the crates' (`Crates.package`): read again when Cargo.toml, the workspace
root or build.rs change on disk (`disk.py`: every open file is then linted again), and
their sessions are computed once per package read and settings. So a Cargo.toml quick
fix counts once saved. (The quick fixes carry no command to announce that they were
applied: Python LSP clients, through lsprotocol, read a code action that has a command
as a bare `Command`.)

Well-known names and target configurations come from the shipped rustc 1.95 tables
until a rustc the user allows has answered (`CheckCfgState.refresh_toolchain`): the
one `rustAst.rustc.path` names, or the `rustc` on PATH when the client said at
`initialize` that the workspace is trusted (`initializationOptions.workspaceTrusted`).
Plain `rustc` is the workspace's choice (rustup follows its `rust-toolchain.toml`), so
it never runs otherwise. It runs in a worker thread, each call with a time limit, and
its answers are cached on disk per `rustc -vV`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import from_fs_path

from ast_core.cfg.cargo import CargoPackage
from ast_core.cfg.crate_lint import crate_lints
from ast_core.cfg.diagnostic import CfgDiagnostic
from ast_core.cfg.findings import CARGO_TOML_HELP, Mode, check_cfg_arg
from ast_core.cfg.toolchain import Toolchain, read_toolchain, shipped_toolchain
from ast_core.crate import build_script_cfgs, parse_cfg_specs
from ast_core.model import LineIndex, Span
from ast_core.model.span import PositionEncoding
from ast_core.cfg.report import (
    FileContext, child_context, document_scans, document_site_at, file_levels, hover_markdown,
    inactive_message, package_problems,
)
from ast_core.cfg.scan import InactiveCode
from ast_core.cfg.session import CfgSession, SessionSpec, build_session, cargo_session_specs
from ast_core.project import Package, read_or_empty

from .. import convert
from ..config import Settings
from ..documents import Documents, OpenDocument

if TYPE_CHECKING:
    from ast_core.cfg.cargo_edit import CargoToml
    from ast_core.crate import CrateFile, CrateModel

    from ..server import RustAstServer

log = logging.getLogger(__name__)
INACTIVE_CODE = "inactive-code"
INACTIVE_FILE = "file is inactive"
OTHER_CONFIGURATION = "found in another configuration than the active one"
SETTING_ORIGIN = "`rustAst.checkCfg.extra`"
_DOCS = {
    "unexpected_cfgs": "https://doc.rust-lang.org/nightly/rustc/check-cfg.html",
    "unexpected_cfgs/cargo": "https://doc.rust-lang.org/nightly/rustc/check-cfg/cargo-specifics.html",
    "malformed_cfg": "https://doc.rust-lang.org/reference/conditional-compilation.html",
    "cargo_manifest": "https://doc.rust-lang.org/cargo/reference/manifest.html",
}


def _extra(settings: Settings) -> tuple[tuple[str, str], ...]:
    return tuple((spec, SETTING_ORIGIN) for spec in settings.check_cfg_extra)


@dataclass(slots=True, frozen=True)
class _Sessions:
    """The sessions cargo runs a package's crates in (library and binaries, build
    script), for one read of the package and one `key` (settings and toolchain)."""

    package: Package
    key: tuple[object, ...]
    main: CfgSession
    build: CfgSession


def _cargo_sessions(package: Package, settings: Settings, toolchain: Toolchain,
                    key: tuple[object, ...]) -> _Sessions | None:
    """The main and build-script sessions (None for a package cargo rejects or without
    `[package] name`)."""
    cargo = package.cargo
    if not isinstance(cargo, CargoPackage) or cargo.name is None:
        return None
    # the configuration the crate's NodeIds are numbered in (ast_core.crate)
    cfgs = (*build_script_cfgs(read_or_empty(package.build_script).decode("utf-8", "replace")
                               if package.build_script is not None else ""),
            *(parse_cfg_specs(settings.cfg_extra) or ()))
    main, build = cargo_session_specs(cargo, package.build_specs, _extra(settings),
                                      target=settings.target, features=settings.check_cfg_features,
                                      all_features=settings.cargo_all_features, cfgs=cfgs,
                                      no_default_features=settings.cargo_no_default_features,
                                      toolchain=toolchain)
    return _Sessions(package, key, build_session(main), build_session(build))


class CheckCfgState:
    """What check-cfg needs besides a document: the sessions of the packages read (the
    crates'), and the Cargo.toml diagnostics published so far."""

    def __init__(self, documents: Documents) -> None:
        self.documents = documents
        self._sessions: dict[Path, _Sessions | None] = {}  # per manifest, for its package as last read
        self._published: dict[str, tuple[types.Diagnostic, ...]] = {}
        # Per manifest, the package and session its problems were last published for.
        self._published_for: dict[Path, tuple[Package, CfgSession]] = {}
        #: Set at `initialize` from the client's `initializationOptions.workspaceTrusted`.
        self.workspace_trusted = False
        self._toolchain_wanted: tuple[str | None, str] | None = None
        # the crates being read in the background (`warm`), with the task reading each
        self._warming: dict[tuple[CrateModel, CfgSession], asyncio.Task[None]] = {}

    def package(self, path: Path | None) -> Package | None:
        """The package of a source file (None outside any Cargo.toml)."""
        return self.documents.crates.package(path) if path is not None else None

    def session(self, opened: OpenDocument) -> tuple[Package | None, CfgSession]:
        """The package of an open file (None outside any Cargo.toml) and the rustc
        session the file is linted in (computed once per package read and settings)."""
        settings = self.documents.settings
        package = self.package(opened.path)
        toolchain = self.documents.toolchain
        sessions = None
        if package is not None:
            key = (settings.check_cfg_extra, settings.target, settings.check_cfg_features, toolchain,
                   settings.cargo_all_features, settings.cargo_no_default_features, settings.cfg_extra)
            sessions = self._sessions.get(package.manifest)
            if sessions is None or sessions.package is not package or sessions.key != key:
                sessions = self._sessions[package.manifest] = _cargo_sessions(package, settings, toolchain, key)
        if package is not None and sessions is not None:
            path, script = opened.path, package.build_script
            is_build = path is not None and script is not None and path.resolve() == script.resolve()
            return package, sessions.build if is_build else sessions.main
        spec = SessionSpec(_extra(settings), edition=opened.doc.config.edition, target=settings.target,
                           features=settings.check_cfg_features, toolchain=toolchain)
        return package, build_session(spec)

    def allowed_rustc(self) -> str | None:
        """The rustc the user allows us to run: `rustAst.rustc.path`, else `rustc`
        from PATH in a trusted workspace, else none."""
        return self.documents.settings.rustc_path or ("rustc" if self.workspace_trusted else None)

    def refresh_toolchain(self, ls: RustAstServer) -> None:
        """Read the allowed rustc's tables for the target in use, in the background,
        when the rustc or the target changed; then re-analyse the open documents."""
        wanted = (self.allowed_rustc(), self.documents.settings.target)
        if wanted == self._toolchain_wanted:
            return
        self._toolchain_wanted = wanted
        rustc, target = wanted
        if rustc is None:
            self.use_toolchain(ls, shipped_toolchain(), target)
            return
        root = ls.workspace.root_path

        async def read() -> None:
            loop = asyncio.get_running_loop()
            toolchain = await loop.run_in_executor(
                None, lambda: read_toolchain(rustc, (target,), cwd=Path(root) if root else None))
            if self._toolchain_wanted == wanted:  # not superseded meanwhile
                self.use_toolchain(ls, toolchain, target)

        asyncio.ensure_future(read())

    def use_toolchain(self, ls: RustAstServer, toolchain: Toolchain, target: str) -> None:
        if toolchain.target_cfg(target) is None:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=(
                f"rustAst.cfg.target: unknown target {target!r}: neither {toolchain.label} nor the shipped "
                "table knows it; using the host's configuration")))
        if toolchain == self.documents.toolchain:
            return
        log.info("check-cfg uses %s", toolchain.label)
        self.documents.reconfigure(self.documents.settings, toolchain)
        for opened in self.documents:
            ls.publisher.schedule(opened.uri)

    def session_kind(self, opened: OpenDocument) -> str:
        """Which session lints the file now: "crate" (its crate's), "reading" (its
        own, while its crate is read for the crate's: `warm`) or "file" (its own: no
        crate is loaded, or the crate's module tree does not reach it)."""
        file = opened.loaded_file
        if file is None:
            return "file"
        session = self.session(opened)[1]
        lints = crate_lints(file.crate)
        if not lints.ready(session):
            return "reading"
        return "crate" if lints.file_report(file.crate, file, session) is not None else "file"

    def warm(self, ls: RustAstServer, crate: CrateModel, session: CfgSession) -> None:
        """Read `crate` for `session` in the background, a file at a time while no
        message comes (`CrateLints.warm`, `RustAstProtocol.idle`): a large crate's first
        reading takes a second, and the requests meanwhile (its NodeIds, hovers,
        keystrokes, linted as sessions of their own until then) must not wait; then
        lint its open files again."""
        key = (crate, session)
        if key in self._warming:
            return

        async def run() -> None:
            try:
                await ls.protocol.idle()
                for _ in crate_lints(crate).warm(crate, session):
                    await ls.protocol.idle()
            except Exception:  # (the editor's next report reads the crate, and says what failed)
                log.exception("check-cfg: reading crate %s", crate.root)
            finally:
                del self._warming[key]
            for opened in ls.documents:
                file = opened.loaded_file
                if file is not None and file.crate is crate:
                    ls.publisher.schedule(opened.uri)

        self._warming[key] = asyncio.ensure_future(run())  # (the loop keeps only weak references to tasks)

    def publish_manifest(self, ls: RustAstServer, package: Package, session: CfgSession) -> None:
        """Cargo.toml problems (cargo's rejection, a `check-cfg` entry rustc rejects)
        as diagnostics on the file that holds them, published when they change:
        worked out again only when the package was re-read or the session changed."""
        last = self._published_for.get(package.manifest)
        if last is not None and last[0] is package and last[1] is session:
            return
        self._published_for[package.manifest] = (package, session)
        by_uri: dict[str, list[types.Diagnostic]] = {from_fs_path(str(package.manifest)): []}
        for problem in package_problems(package, session):
            uri = from_fs_path(str(problem.file))
            by_uri.setdefault(uri, []).append(lsp_diagnostic(
                problem.diag, uri, LineIndex(problem.src), ls.documents.encoding, session))
        for uri, diags in by_uri.items():
            if self._published.get(uri, ()) != tuple(diags):
                self._published[uri] = tuple(diags)
                ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diags))


# -- diagnostics ------------------------------------------------------------------------


def _code_description(diag: CfgDiagnostic, session: CfgSession) -> types.CodeDescription:
    key: str = diag.code
    if key == "unexpected_cfgs" and session.lint.mode is Mode.CARGO:
        key = "unexpected_cfgs/cargo"
    return types.CodeDescription(href=_DOCS[key])


Outer = dict[str, tuple[str, LineIndex]]
"""The files of a file's parent modules, where level attributes are written (for the
"lint level is defined here" note: `Child.file`): by path, the uri and line index."""


def crate_context(file: CrateFile | None, session: CfgSession) -> tuple[FileContext | None, Outer]:
    """Where a module file sits in its crate, as the CLI places it (`cfg_driver`): the
    levels its crate root and parent modules set around it (`#![allow(..)]` in the
    root, `#[deny(..)] mod x;`), with where they are written. None for a crate root;
    a parent whose `mod` item for the file is not found (a module a macro expands to)
    ends the walk with the levels set so far."""
    if file is None or file.parent is None:
        return None, {}
    chain = [file]
    while (parent := chain[-1].parent) is not None:
        chain.append(parent)
    context = FileContext(levels=session.spec.given)
    outer: Outer = {}
    for parent, child in zip(chain[:0:-1], chain[-2::-1], strict=True):
        doc = parent.crate.document(parent)
        if doc is None:
            break
        scans = document_scans(doc, session)
        levels = file_levels(scans, context.levels)
        found = next(((index, decl) for index, scan in enumerate(scans) for decl in scan.mods if decl.active and (
            (path := parent.mod_files.resolve_name(decl.name, decl.inline, decl.path_attr, record=False)) is not None
            and path.resolve() == child.path)), None)
        if found is None:
            context = FileContext(context.node, levels)
            break
        context = child_context(context, levels, *found, str(parent.path))
        outer[str(parent.path)] = (from_fs_path(str(parent.path)), doc.index)
    return context, outer


def report(ls: RustAstServer, opened: OpenDocument, session: CfgSession,
           context: FileContext | None = None) -> tuple[list[CfgDiagnostic], list[InactiveCode]]:
    """The document's findings and inactive code under `session`: as its crate's
    session emits them (`CrateLints.file_report`: rustc's once-per-session notes where
    `rust-ast check-cfg` on the crate puts them) once its crate is loaded, read for the
    session (`CheckCfgState.warm`) and reaches it; else as a session of its own placed
    in its crate by `context`."""
    file = opened.loaded_file
    found = None
    if file is not None:
        lints = crate_lints(file.crate)
        if lints.ready(session):
            found = lints.file_report(file.crate, file, session)
        else:
            ls.check_cfg.warm(ls, file.crate, session)
    return found if found is not None else opened.loaded_analysis.cfg_report(session, context)


def lsp_diagnostic(diag: CfgDiagnostic, uri: str, index: LineIndex, encoding: PositionEncoding,
                   session: CfgSession, other: str = "", outer: Outer | None = None) -> types.Diagnostic:
    """rustc's diagnostic for an editor: its notes and helps appended to the message
    as rustc prints them (`help: ...`), its labels and suggestions as related
    information; `other` says why it was found outside the active configuration;
    `outer` places level attributes written in parent modules (`crate_context`)."""
    message = diag.message + "".join(f"\n{child.level}: {child.message}" for child in diag.children)
    other = other or diag.other
    if other:
        message += f"\nnote: {OTHER_CONFIGURATION}: {other}"
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=convert.to_range(index, label.span, encoding)), message=label.message)
        for label in diag.labels]
    for child in diag.children:
        if child.span is not None:
            where, where_index = (outer or {})[child.file] if child.file is not None else (uri, index)
            related.append(types.DiagnosticRelatedInformation(location=types.Location(
                uri=where, range=convert.to_range(where_index, child.span, encoding)), message=child.message))
    related += [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=convert.to_range(index, edit.span, encoding)),
        message=f"{suggestion.message}: `{edit.replacement}`")
        for suggestion in diag.suggestions for edit in suggestion.edits[:1]]
    severity = types.DiagnosticSeverity.Error if diag.level == "error" else types.DiagnosticSeverity.Warning
    return types.Diagnostic(range=convert.to_range(index, diag.span, encoding), message=message, severity=severity,
                            code=diag.code, code_description=_code_description(diag, session),
                            source=convert.DIAGNOSTIC_SOURCE, related_information=related or None)


def outside_active(opened: OpenDocument, package: Package | None) -> str:
    """Why the active configuration does not compile an open file of a cargo package
    (no crate of the package reaches it), or "" (also while its crate is loading)."""
    file = opened.loaded_file
    if package is None or not isinstance(package.cargo, CargoPackage) or file is None or file.crate.kind != "file":
        return ""
    return ("no crate of its package reaches this file in the active configuration "
            "(its `mod` is cfg'd out, or nothing declares it)")


def diagnostics(ls: RustAstServer, opened: OpenDocument) -> list[types.Diagnostic]:
    """The document's check-cfg diagnostics and inactive code; Cargo.toml's own
    problems are published on Cargo.toml. A file the active configuration does not
    compile is marked inactive as a whole, and its findings say so (none with
    `rustAst.checkCfg.allConfigurations` off). Inactive code is marked unless
    `rustAst.inactiveCode.enable` is off."""
    state = ls.check_cfg
    package, session = state.session(opened)
    if package is not None:
        state.publish_manifest(ls, package, session)
    context, outer = crate_context(opened.loaded_file, session)
    found, inactive = report(ls, opened, session, context)
    index, encoding = opened.doc.index, ls.documents.encoding
    other = outside_active(opened, package)
    every = ls.documents.settings.check_cfg_all_configurations
    if other and not every:
        return []
    out = [lsp_diagnostic(diag, opened.uri, index, encoding, session, other, outer) for diag in found
           if every or not diag.other]
    if other:
        out.append(types.Diagnostic(
            range=convert.to_range(index, (0, len(opened.doc.src)), encoding), message=f"{INACTIVE_FILE}: {other}",
            severity=types.DiagnosticSeverity.Hint, tags=[types.DiagnosticTag.Unnecessary], code=INACTIVE_CODE,
            source=convert.DIAGNOSTIC_SOURCE))
    out += [types.Diagnostic(range=convert.to_range(index, code.span, encoding), message=inactive_message(code),
                             severity=types.DiagnosticSeverity.Hint, tags=[types.DiagnosticTag.Unnecessary],
                             code=INACTIVE_CODE, source=convert.DIAGNOSTIC_SOURCE)
            for code in inactive]
    if not ls.documents.settings.inactive_code_enable:
        out = [diag for diag in out if diag.code != INACTIVE_CODE]
    return out


# -- code actions ---------------------------------------------------------------------------


def _text_edits(index: LineIndex, edits: list[tuple[int, int, str]],
                encoding: PositionEncoding) -> list[types.TextEdit]:
    return [types.TextEdit(range=convert.to_range(index, (lo, hi), encoding), new_text=text) for lo, hi, text in edits]


class _Manifests:
    """The Cargo.toml files one code-action request edits, each read and parsed once
    (None when it does not parse), with its line index."""

    def __init__(self) -> None:
        self._parsed: dict[Path, tuple[CargoToml, LineIndex] | None] = {}

    def get(self, path: Path) -> tuple[CargoToml, LineIndex] | None:
        if path not in self._parsed:
            parsed = parse_manifest(read_or_empty(path))
            if isinstance(parsed, ValueError):  # not valid TOML (cargo would have said so)
                log.warning("cannot edit %s: %s", path, parsed)
                self._parsed[path] = None
            else:
                self._parsed[path] = parsed
        return self._parsed[path]


@lru_cache(maxsize=4)
def parse_manifest(data: bytes) -> tuple[CargoToml, LineIndex] | ValueError:
    """A Cargo.toml's text parsed for editing, once per content: tomlkit takes seconds on
    a large file, and every code action request would parse it again."""
    # imported here: tomlkit adds ~15 ms to the server's start-up, and only quick fixes need it
    from ast_core.cfg.cargo_edit import CargoToml  # noqa: PLC0415

    try:
        return CargoToml(data.decode("utf-8", "replace")), LineIndex(data)
    except ValueError as err:
        return err


def _cargo_actions(diag: CfgDiagnostic, package: Package, manifests: _Manifests,
                   encoding: PositionEncoding) -> list[types.CodeAction]:
    """Declare the cfg in Cargo.toml's `[lints.rust] unexpected_cfgs` (where rustc's
    help suggests it), or add the feature to `[features]`."""
    cargo = package.cargo
    if not isinstance(cargo, CargoPackage) or diag.name is None:
        return []
    actions = []
    if any(child.message.startswith(CARGO_TOML_HELP) for child in diag.children):
        manifest = (package.workspace_manifest if cargo.lints_from_workspace else None) or package.manifest
        spec = check_cfg_arg(diag.name, diag.value, cargo.edition)
        workspace = manifest != package.manifest
        where = "the workspace Cargo.toml" if workspace else "Cargo.toml"
        title = f"Declare `{spec}` in {where}'s `[lints.rust] unexpected_cfgs`"
        actions.append((title, manifest, lambda toml: toml.add_check_cfg(spec, workspace=workspace)))
    if diag.name == "feature" and diag.value is not None and diag.what == "value":
        name = diag.value
        actions.append((f"Add feature `{name}` to Cargo.toml's `[features]`", package.manifest,
                        lambda toml: toml.add_feature(name)))
    out = []
    for title, file, edit in actions:
        parsed = manifests.get(file)
        if parsed is None:
            continue
        toml, index = parsed
        try:
            edits = edit(toml)
        except ValueError as err:  # a Cargo.toml whose `[lints]` or `[features]` is not a table
            log.warning("cannot edit %s (%s): %s", file, title, err)
            continue
        if edits:
            out.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, edit=types.WorkspaceEdit(
                changes={from_fs_path(str(file)): _text_edits(index, edits, encoding)})))
    return out


def code_actions(ls: RustAstServer, opened: OpenDocument, span: Span) -> list[types.CodeAction]:
    """Quick fixes for the check-cfg diagnostics overlapping `span`: rustc's
    suggestions (a similar name or value, ...) and the Cargo.toml edits."""
    package, session = ls.check_cfg.session(opened)
    context, outer = crate_context(opened.loaded_file, session)
    found, _ = report(ls, opened, session, context)
    index, encoding = opened.doc.index, ls.documents.encoding
    if session.lint.mode is not Mode.CARGO:
        package = None
    manifests = _Manifests()
    out: list[types.CodeAction] = []
    for diag in found:
        if diag.span[1] < span[0] or diag.span[0] > span[1]:
            continue
        lsp = lsp_diagnostic(diag, opened.uri, index, encoding, session, outer=outer)
        for suggestion in diag.suggestions:
            replacement = " and ".join(f"`{edit.replacement}`" for edit in suggestion.edits)
            out.append(types.CodeAction(
                title=f"{suggestion.message}: {replacement}" if suggestion.edits[0].replacement
                else suggestion.message[0].upper() + suggestion.message[1:],
                kind=types.CodeActionKind.QuickFix, diagnostics=[lsp],
                is_preferred=suggestion.applicability == "MachineApplicable" or None,
                edit=types.WorkspaceEdit(changes={opened.uri: [
                    types.TextEdit(range=convert.to_range(index, edit.span, encoding), new_text=edit.replacement)
                    for edit in suggestion.edits]})))
        if package is not None:
            for action in _cargo_actions(diag, package, manifests, encoding):
                action.diagnostics = [lsp]
                out.append(action)
    return out


# -- hover ----------------------------------------------------------------------------------


def hover_section(ls: RustAstServer, opened: OpenDocument, offset: int) -> tuple[str, Span] | None:
    """Markdown for the cfg predicate under the cursor, and the span it is about."""
    _, session = ls.check_cfg.session(opened)
    site = document_site_at(opened.doc, session, offset)
    if site is None:
        return None
    return hover_markdown(site, offset, session), site.span


def register(server: RustAstServer) -> None:
    server.contributions.add(hover_section=hover_section, diagnostics=diagnostics)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: RustAstServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        opened = ls.documents.get(params.text_document.uri)
        index, encoding = opened.doc.index, ls.documents.encoding
        span = (convert.offset(index, params.range.start, encoding), convert.offset(index, params.range.end, encoding))
        return code_actions(ls, opened, span)
