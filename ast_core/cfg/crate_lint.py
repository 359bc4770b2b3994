"""check-cfg in the editor as `rust-ast check-cfg` runs it on a crate: one rustc session
over the crate's module tree, so a file's findings carry rustc's once-per-session
children (the "expected names" help, the lint-level notes) only where the crate's
emission order puts them first, and a `macro_rules!` body or a macro call counts
with the crate's other files (issue 9 item 4, issue 12).

The module tree is walked from the crate root as the CLI walks it (`driver.py`): the
`mod` declarations rustc loads, each file with its context (`child_context`). Each
file's scans are kept per version of its document (an open file's per unit, through
`document_scans`; a file read from disk until it is read again), and its findings per
scans and crate-wide inputs (the macros called, those that drop their input, the
crate's `macro_rules!`); so a keystroke rescans the units it touched, and orders the
crate's findings again (cheap: they are few), not the crate. The first reading of a
crate (all its files lowered and scanned: a second for tokio) can be done in steps
(`warm`), between which an editor answers other requests.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostic import CfgDiagnostic
from .fragments import MacroTemplate, Templates
from .report import (
    FileContext, FileFindings, called_macros, child_context, document_scans, emit_session, file_findings,
    file_levels, first_calls,
)
from .scan import CfgScan, InactiveCode, ModDecl
from .session import CfgSession

if TYPE_CHECKING:
    from ..crate import CrateFile, CrateModel
    from ..document import Document
    from ..project import ModFiles


@dataclass(slots=True)
class _File:
    """What is kept of one file: its document and scans, what the crate combines of
    them (worked out once per scans), and its findings with the inputs they were
    worked out from."""

    doc: Document
    scans: list[CfgScan]
    drops: frozenset[str]
    invoked: tuple[tuple[str, tuple[str, ...]], ...]
    templates: tuple[tuple[Path, MacroTemplate], ...]
    removed: bool
    #: Its `mod` declarations, each with the index of the scan holding it.
    mods: tuple[tuple[int, ModDecl], ...]
    found: FileFindings | None = None
    found_for: tuple[object, ...] = ()

    @staticmethod
    def of(path: Path, doc: Document, scans: list[CfgScan]) -> _File:
        return _File(doc, scans, frozenset().union(*(scan.drops for scan in scans)),
                     tuple(pair for scan in scans for pair in scan.invoked),
                     tuple((path, template) for scan in scans for template in scan.templates),
                     any(scan.removed is not None for scan in scans),
                     tuple((index, decl) for index, scan in enumerate(scans) for decl in scan.mods))


class CrateLints:
    """One crate's check-cfg session in the editor, kept between keystrokes."""

    def __init__(self) -> None:
        self._session: CfgSession | None = None
        self._files: dict[Path, _File] = {}
        self._drops: frozenset[str] = frozenset()
        self._shared: tuple[frozenset[str], frozenset[str], Templates] | None = None
        # (a file's module list, a `mod` declaration's name, inline modules and #[path])
        self._children: dict[tuple[ModFiles, str, tuple[str, ...], str | None], CrateFile | None] = {}
        self._children_for = 0  # the crate's number of files when `_children` was filled
        self._ready: CfgSession | None = None

    def file_report(self, crate: CrateModel, target: CrateFile, session: CfgSession
                    ) -> tuple[list[CfgDiagnostic], list[InactiveCode]] | None:
        """`target`'s diagnostics (in position order) and inactive code as the crate's
        session emits them; None when the crate's module tree does not reach it in
        the active configuration."""
        self._start(crate, session)
        tree = self._tree(crate, session, self._drops)
        drops = frozenset().union(*(kept.drops for _, kept, _ in tree))
        if drops != self._drops:
            self._drops = drops
            tree = self._tree(crate, session, drops)
        if not any(file is target for file, _, _ in tree):
            return None
        called = called_macros((pair for _, kept, _ in tree for pair in kept.invoked), drops)
        templates = Templates.of((pair for _, kept, _ in tree for pair in kept.templates), session)
        if self._shared is None or self._shared[:2] != (called, drops) or \
                self._shared[2].by_name != templates.by_name:
            self._shared = (called, drops, templates)
        called, drops, templates = self._shared
        lints = []
        founds = []
        mine: FileFindings | None = None
        for file, kept, context in tree:
            inputs = (context, called, drops, templates)
            if kept.found is None or kept.found_for != inputs:
                kept.found = file_findings(kept.scans, context, called, drops, file.path, templates, kept.doc.src)
                kept.found_for = inputs
            lints += kept.found.lints
            founds.append(kept.found)
            if file is target:
                mine = kept.found
        assert mine is not None
        diags = [diag for path, diag in emit_session(lints, first_calls(founds)) if path == target.path] + mine.errors
        diags.sort(key=lambda d: (d.span, d.message))
        if mine.removed is not None:
            return diags, [InactiveCode((0, len(self._files[target.path].doc.src)), mine.removed.reason)]
        return diags, mine.inactive

    def _start(self, crate: CrateModel, session: CfgSession) -> None:
        """Forget what belongs to another session, or to fewer files of the crate."""
        if session is not self._session:
            self._session, self._files, self._shared, self._children = session, {}, None, {}
        if len(crate.files) != self._children_for:  # (a file the crate did not have may be a child now)
            self._children, self._children_for = {}, len(crate.files)

    def _kept(self, file: CrateFile, doc: Document, session: CfgSession) -> _File:
        """What is kept of a file, the same while its document's text is the same."""
        kept = self._files.get(file.path)
        if kept is not None and kept.doc is doc and not file.is_open:
            return kept
        scans = document_scans(doc, session)
        if kept is not None and kept.doc is doc and len(scans) == len(kept.scans) and all(
                a is b for a, b in zip(scans, kept.scans, strict=True)):
            return kept
        kept = self._files[file.path] = _File.of(file.path, doc, scans)
        return kept

    def _child(self, crate: CrateModel, file: CrateFile, decl: ModDecl) -> CrateFile | None:
        """The crate's file `decl` in `file` loads, if any (remembered: finding it
        asks the disk)."""
        key = (file.mod_files, decl.name, decl.inline, decl.path_attr)
        try:
            return self._children[key]
        except KeyError:
            path = file.mod_files.resolve_name(decl.name, decl.inline, decl.path_attr, record=False)
            child = self._children[key] = crate.files.get(path.resolve()) if path is not None else None
            return child

    def warm(self, crate: CrateModel, session: CfgSession) -> Iterator[None]:
        """Read and scan the crate's files for `session`, one file per step, so that a
        caller can answer other requests between them (an editor's first report in a
        large crate reads all of it); `ready` once it ends, also early (a report then
        reads what is left). It stops when a report for another session (the settings
        changed) took the crate over meanwhile."""
        try:
            self._start(crate, session)
            for _ in self._walk(crate, session, self._drops, []):
                yield
                if self._session is not session:
                    return
        finally:
            if self._session is session:
                self._ready = session

    def ready(self, session: CfgSession) -> bool:
        """Whether the crate was read for `session` (`warm`)."""
        return self._ready is session

    def _tree(self, crate: CrateModel, session: CfgSession, drops: frozenset[str]
              ) -> list[tuple[CrateFile, _File, FileContext]]:
        """The crate's files in rustc's order, from the root through the `mod`
        declarations rustc loads (not those in the arguments of a macro in `drops`),
        each with what is kept of it and its context."""
        out: list[tuple[CrateFile, _File, FileContext]] = []
        deque(self._walk(crate, session, drops, out), maxlen=0)
        return out

    def _walk(self, crate: CrateModel, session: CfgSession, drops: frozenset[str],
              out: list[tuple[CrateFile, _File, FileContext]]) -> Iterator[None]:
        """`_tree` into `out`, a step per file."""
        seen: set[Path] = set()

        def visit(file: CrateFile, context: FileContext) -> Iterator[None]:
            seen.add(file.path)
            doc = crate.document(file)
            if doc is None:
                return
            kept = self._kept(file, doc, session)
            out.append((file, kept, context))
            yield
            if kept.removed:
                return
            levels = file_levels(kept.scans, context.levels)
            for index, decl in kept.mods:
                if not decl.active or drops.intersection(decl.inside):
                    continue
                child = self._child(crate, file, decl)
                if child is not None and child.parent is file and child.path not in seen:
                    yield from visit(child, child_context(context, levels, index, decl, str(file.path)))

        yield from visit(crate.root_file(), FileContext(levels=session.spec.given))


_CRATES: weakref.WeakKeyDictionary[CrateModel, CrateLints] = weakref.WeakKeyDictionary()


def crate_lints(crate: CrateModel) -> CrateLints:
    """The crate's check-cfg state in the editor, kept between calls."""
    lints = _CRATES.get(crate)
    if lints is None:
        lints = _CRATES[crate] = CrateLints()
    return lints


__all__ = ["CrateLints", "crate_lints"]
