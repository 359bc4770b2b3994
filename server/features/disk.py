"""Changes on disk: Cargo.toml, build scripts and the module files crates read.

One mechanism notices them (`ast_core.crate.Crates.check_disk`): the stamps of every
file the crates read, checked on the next read at most once a second
(`Documents.get`). A client's report (`workspace/didChangeWatchedFiles`) or a save
(`didSave`, such as Cargo.toml after a quick fix in an editor that sends it) only makes
that check due at once. When something changed, every open file is linted again.

A client that cannot watch files (Neovim on Linux) may send nothing at all after a
change: a Cargo.toml quick fix written with `:wall` is not a document the server was
told about, and no request follows. For such clients a timer runs the same check once
a second, so diagnostics follow without any message from the editor.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import to_fs_path

if TYPE_CHECKING:
    from ..server import RustAstServer

log = logging.getLogger(__name__)
WATCH_ID = "rust-ast/watch-files"
POLL_SECONDS = 1.0


async def _poll(ls: RustAstServer) -> None:
    """The check of the disk a read would make, once a second, for clients that send
    nothing when files change."""
    while True:
        await asyncio.sleep(POLL_SECONDS)
        try:
            ls.documents.check_disk()
        except Exception as exc:  # noqa: BLE001 - a failed check must not end the checking
            log.warning("checking the files on disk for changes failed: %s", exc)


async def watch_files(ls: RustAstServer) -> None:
    """Ask the client to report changes of Cargo.toml, build.rs and other Rust files
    (a crate's module files), when it can; else check them on a timer."""
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps is not None else None
    if watched is None or not watched.dynamic_registration:
        ls.disk_poll = asyncio.ensure_future(_poll(ls))
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=[
        types.FileSystemWatcher(glob_pattern="**/Cargo.toml"), types.FileSystemWatcher(glob_pattern="**/build.rs"),
        types.FileSystemWatcher(glob_pattern="**/*.rs")])
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
            id=WATCH_ID, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
    except Exception as exc:  # noqa: BLE001 - then we check the files ourselves
        log.warning("could not watch Cargo.toml, build.rs and module files: %s", exc)
        ls.disk_poll = asyncio.ensure_future(_poll(ls))


def register(server: RustAstServer) -> None:
    def lint_again() -> None:
        for opened in server.documents:
            server.publisher.schedule(opened.uri)

    server.documents.disk_changed = lint_again

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: RustAstServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.documents.files_changed([Path(to_fs_path(change.uri) or "") for change in params.changes])

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: RustAstServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.documents.files_changed([Path(to_fs_path(params.text_document.uri) or "")])
