"""What the autodiff pass reports: per attribute, its expansion, rustc's errors and a
note per activity (`AutodiffExpansion`), and `Record`, the attribute while it expands."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from ...model import AssocItem, Item, Span
from .attrs import AutodiffArgs, DiffActivity, DiffMode

if TYPE_CHECKING:
    from .resolve import Scope

ICE = "rustc 1.95 crashes on this attribute (internal compiler error): {}"
"""How an input on which rustc 1.95 panics is reported."""


@dataclass(frozen=True, slots=True)
class AutodiffDiagnostic:
    """An error rustc reports for an autodiff attribute or for the code it generates."""

    span: Span
    message: str
    level: Literal["error", "warning"] = "error"
    #: rustc's error code (E0425, ...); the macro's own errors have none.
    code: str | None = None
    #: Spans with labels, the primary one first where rustc labels it.
    labels: tuple[tuple[Span, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ActivityNote:
    """What one activity does: to which parameter (or to the return value), and which
    shadow parameters or return elements it gives the generated fn."""

    activity: DiffActivity
    #: The activity in the attribute.
    span: Span
    #: The parameter as written (`x: &f64`), or `-> f64` for the return activity.
    target: str
    explanation: str


@dataclass(frozen=True, slots=True)
class AutodiffExpansion:
    """One autodiff attribute: what it says, what rustc makes of it, and why."""

    #: The attribute: `#[autodiff_reverse(..)]`, or `autodiff_reverse(..)` in a `cfg_attr`.
    span: Span
    #: Its path (`autodiff_reverse`, `std::autodiff::autodiff_reverse`).
    path_span: Span
    #: The annotated item with its outer attributes.
    item_span: Span
    #: The module, block or impl the generated fn is defined in.
    scope_span: Span
    source: str
    generated: str | None
    mode: DiffMode
    width: int
    #: The input activities, then the return activity, as written.
    activities: tuple[str, ...]
    diagnostics: tuple[AutodiffDiagnostic, ...]
    #: The generated fn's signature on one line, for a code lens.
    signature: str | None
    notes: tuple[ActivityNote, ...]
    #: What `-Zunpretty=expanded` prints for the annotated item (every attribute on it
    #: applied) and for this attribute's generated fn, errors or not; None where rustc
    #: prints nothing of the kind (or crashes).
    source_text: str | None
    generated_text: str | None

    @property
    def text(self) -> str | None:
        """The annotated fn with its marker, then the generated fn, as rustc prints
        them; None when rustc reports an error."""
        if self.diagnostics or self.source_text is None or self.generated_text is None:
            return None
        return self.source_text + "\n" + self.generated_text

    def with_diagnostics(self, extra: tuple[AutodiffDiagnostic, ...] | list[AutodiffDiagnostic]
                         ) -> AutodiffExpansion:
        if not extra:
            return self
        return replace(self, diagnostics=self.diagnostics + tuple(extra))


class Phase:
    """When rustc reports an error about the generated code, after the macro's own:
    the order `Record.late` is sorted in."""

    NAME_CLASH = 1  # E0428, E0255: when the expansion's names are defined
    INTERNAL_ATTR = 2  # E0658 on a user-written `#[rustc_autodiff]`
    LATE_RESOLUTION = 3  # E0106, E0415, E0425, E0407, E0201


@dataclass(slots=True, eq=False)
class Record:
    """An attribute being expanded: what the expander found so far."""

    span: Span
    path_span: Span
    item_span: Span
    scope: Scope
    scope_span: Span
    source: str
    mode: DiffMode
    args: AutodiffArgs = field(default_factory=AutodiffArgs)
    diagnostics: list[AutodiffDiagnostic] = field(default_factory=list)
    #: Diagnostics of later compiler phases, with their `Phase`, sorted in at the end.
    late: list[tuple[int, AutodiffDiagnostic]] = field(default_factory=list)
    notes: list[ActivityNote] = field(default_factory=list)
    generated: Item | AssocItem | None = None
    source_text: str | None = None
    generated_text: str | None = None
    signature: str | None = None
    crashed: bool = False
    #: Names the generated body uses that may not resolve: (name, span).
    lookups: list[tuple[str, Span]] = field(default_factory=list)

    def error(self, span: Span, message: str, code: str | None = None) -> None:
        self.diagnostics.append(AutodiffDiagnostic(span, message, code=code))

    def crash(self, why: str) -> None:
        self.error(self.span, ICE.format(why))
        self.crashed = True

    def finish(self) -> AutodiffExpansion:
        diagnostics = tuple(self.diagnostics) + tuple(d for _, d in sorted(self.late, key=lambda p: p[0]))
        return AutodiffExpansion(
            self.span, self.path_span, self.item_span, self.scope_span, self.source, self.args.name,
            self.mode, self.args.width, self.args.written, diagnostics, self.signature,
            tuple(self.notes), self.source_text, self.generated_text)
