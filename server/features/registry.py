"""What features contribute to the answers several of them make together: a hover's
sections, a document's diagnostics, its code lenses.

Each feature's `register(server)` adds its providers to `server.contributions`; the
aggregators (`hover.py`, `diagnostics.py`, `code_lens.py`) ask every provider, in the
order the features registered (`server.py`), and name no feature.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from ast_core.model import Span

    from ..documents import OpenDocument
    from ..server import RustAstServer

HoverSection = Callable[["RustAstServer", "OpenDocument", int], "tuple[str, Span | None] | None"]
"""Markdown about what is at the offset, shown above the node's own hover, and the span
it is about (None: the node's); None when the feature has nothing there."""
DiagnosticSource = Callable[["RustAstServer", "OpenDocument"], list[types.Diagnostic]]
CodeLenses = Callable[["RustAstServer", "OpenDocument"], list[types.CodeLens]]


@dataclass
class Contributions:
    """The providers features registered, each list in registration order."""

    hover_sections: list[HoverSection] = field(default_factory=list)
    diagnostic_sources: list[DiagnosticSource] = field(default_factory=list)
    code_lenses: list[CodeLenses] = field(default_factory=list)

    def add(self, *, hover_section: HoverSection | None = None, diagnostics: DiagnosticSource | None = None,
            code_lenses: CodeLenses | None = None) -> None:
        """Register what one feature contributes."""
        if hover_section is not None:
            self.hover_sections.append(hover_section)
        if diagnostics is not None:
            self.diagnostic_sources.append(diagnostics)
        if code_lenses is not None:
            self.code_lenses.append(code_lenses)
