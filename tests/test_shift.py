"""`ast_core.shift`: offsets found by type, everything else kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import pytest

from ast_core.cfg.diagnostic import CfgDiagnostic
from ast_core.lower.cx import ParseError
from ast_core.model.span import BytePos, Span
from ast_core.passes.autodiff.driver import _UnitFacts, _UnitResult
from ast_core.cfg.scan import CfgScan
from ast_core.shift import MovesWhenRead, _class_mover, shifted


@dataclass(frozen=True, slots=True)
class Label:
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Result:
    span: Span
    pos: BytePos | None
    node: tuple[int, ...]  # a node path: no offsets
    order: int
    labels: tuple[tuple[Span, str], ...]
    label: Label | None
    names: frozenset[str]
    rows: tuple[tuple[str, Span, int], ...] = ()


def test_offsets_move_and_nothing_else() -> None:
    value = Result((1, 2), 3, (4, 5), 6, (((7, 8), "a"),), Label((9, 10), "b"), frozenset({"c"}),
                   (("d", (11, 12), 13),))
    assert shifted(value, 100) == Result((101, 102), 103, (4, 5), 6, (((107, 108), "a"),), Label((109, 110), "b"),
                                         frozenset({"c"}), (("d", (111, 112), 13),))
    assert shifted(value, 0) is value
    empty = Result((0, 1), None, (), 0, (), None, frozenset())
    assert shifted(empty, 5).pos is None and shifted(empty, 5).label is None


def test_parse_errors_move_where_reading_went_astray() -> None:
    assert shifted(ParseError((4, 6), "m", True, 2), 10) == ParseError((14, 16), "m", True, 12)


def test_values_without_offsets_are_kept() -> None:
    @dataclass(frozen=True)
    class Plain:
        name: str
        count: int

    value = Plain("x", 1)
    assert shifted(value, 7) is value
    assert shifted(None, 7) is None


def test_a_field_moved_when_read_stays() -> None:
    @dataclass(frozen=True)
    class Lazy:
        span: Span
        later: Annotated[tuple[Span, ...], MovesWhenRead]

    assert shifted(Lazy((1, 2), ((3, 4),)), 10) == Lazy((11, 12), ((3, 4),))


def test_a_type_it_cannot_read_is_an_error() -> None:
    @dataclass
    class Opaque:
        spans: list[Span]

    with pytest.raises(TypeError, match="holds offsets"):
        shifted(Opaque([(0, 1)]), 1)


@pytest.mark.parametrize("cls", [CfgScan, CfgDiagnostic, ParseError, _UnitFacts, _UnitResult])
def test_cached_results_can_move(cls: type) -> None:
    """The classes `Document.unit_results` keeps: every field type is one `shift` reads."""
    assert _class_mover(cls) is not None
