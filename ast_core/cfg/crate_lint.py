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
crate's findings again (cheap: they are few), not the crate.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostic import CfgDiagnostic
from .report import (
    FileContext, FileFindings, called_macros, child_context, crate_templates, document_scans, emit_session,
    file_findings, file_levels, first_calls,
)
from .scan import CfgScan, InactiveCode
from .session import CfgSession

if TYPE_CHECKING:
    from ..crate import CrateFile, CrateModel
    from ..document import Document
    from .fragments import Templates


@dataclass(slots=True)
class _File:
    """What is kept of one file: its document and scans, and its findings with the
    inputs they were worked out from."""

    doc: Document
    scans: list[CfgScan]
    found: FileFindings | None = None
    found_for: tuple[object, ...] = ()


class CrateLints:
    """One crate's check-cfg session in the editor, kept between keystrokes."""

    def __init__(self) -> None:
        self._session: CfgSession | None = None
        self._files: dict[Path, _File] = {}
        self._drops: frozenset[str] = frozenset()
        self._shared: tuple[frozenset[str], frozenset[str], Templates] | None = None

    def file_report(self, crate: CrateModel, target: CrateFile, session: CfgSession
                    ) -> tuple[list[CfgDiagnostic], list[InactiveCode]] | None:
        """`target`'s diagnostics (in position order) and inactive code as the crate's
        session emits them; None when the crate's module tree does not reach it in
        the active configuration."""
        if session is not self._session:
            self._session, self._files, self._shared = session, {}, None
        tree = self._tree(crate, session, self._drops)
        drops = frozenset().union(*(scan.drops for _, _, scans, _ in tree for scan in scans))
        if drops != self._drops:
            self._drops = drops
            tree = self._tree(crate, session, drops)
        if not any(file is target for file, _, _, _ in tree):
            return None
        all_scans = [(file.path, scan) for file, _, scans, _ in tree for scan in scans]
        called = called_macros((scan for _, scan in all_scans), drops)
        templates = crate_templates(all_scans, session)
        if self._shared is None or self._shared[:2] != (called, drops) or \
                self._shared[2].by_name != templates.by_name:
            self._shared = (called, drops, templates)
        called, drops, templates = self._shared
        lints = []
        founds = []
        mine: FileFindings | None = None
        for file, doc, scans, context in tree:
            kept = self._files[file.path]
            inputs = (context, called, drops, templates)
            if kept.found is None or kept.found_for != inputs:
                kept.found = file_findings(scans, context, called, drops, file.path, templates, doc.src)
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

    def _scans(self, file: CrateFile, doc: Document, session: CfgSession) -> list[CfgScan]:
        """A file's scans, the same list while its document's text is the same."""
        kept = self._files.get(file.path)
        if kept is not None and kept.doc is doc and not file.is_open:
            return kept.scans
        scans = document_scans(doc, session)
        if kept is not None and kept.doc is doc and len(scans) == len(kept.scans) and all(
                a is b for a, b in zip(scans, kept.scans, strict=True)):
            return kept.scans
        self._files[file.path] = _File(doc, scans)
        return scans

    def _tree(self, crate: CrateModel, session: CfgSession, drops: frozenset[str]
              ) -> list[tuple[CrateFile, Document, list[CfgScan], FileContext]]:
        """The crate's files in rustc's order, from the root through the `mod`
        declarations rustc loads (not those in the arguments of a macro in `drops`),
        each with its document, scans and context."""
        out: list[tuple[CrateFile, Document, list[CfgScan], FileContext]] = []
        seen: set[Path] = set()

        def visit(file: CrateFile, context: FileContext) -> None:
            seen.add(file.path)
            doc = crate.document(file)
            if doc is None:
                return
            scans = self._scans(file, doc, session)
            out.append((file, doc, scans, context))
            if any(scan.removed is not None for scan in scans):
                return
            levels = file_levels(scans, context.levels)
            for index, scan in enumerate(scans):
                for decl in scan.mods:
                    if not decl.active or drops.intersection(decl.inside):
                        continue
                    path = file.mod_files.resolve_name(decl.name, decl.inline, decl.path_attr, record=False)
                    child = crate.files.get(path.resolve()) if path is not None else None
                    if child is not None and child.parent is file and child.path not in seen:
                        visit(child, child_context(context, levels, index, decl, str(file.path)))

        visit(crate.root_file(), FileContext(levels=session.spec.given))
        return out


_CRATES: weakref.WeakKeyDictionary[CrateModel, CrateLints] = weakref.WeakKeyDictionary()


def crate_file_report(target: CrateFile, session: CfgSession
                      ) -> tuple[list[CfgDiagnostic], list[InactiveCode]] | None:
    """`target`'s check-cfg diagnostics and inactive code in its crate's session (see
    `CrateLints.file_report`), the crate's state kept for the next call."""
    crate = target.crate
    lints = _CRATES.get(crate)
    if lints is None:
        lints = _CRATES[crate] = CrateLints()
    return lints.file_report(crate, target, session)


__all__ = ["CrateLints", "crate_file_report"]
