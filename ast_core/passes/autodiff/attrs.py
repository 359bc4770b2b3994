"""The autodiff attribute model, as rustc_ast's `expand/autodiff_attrs.rs` has it: the
mode an attribute's name chooses, the activities its arguments name, and which
activity rustc accepts where."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ...model import AnyFnRetTy, FnRetTy, Span, Ty, TyKind


class DiffMode(enum.Enum):
    """rustc's `DiffMode`, as the attribute's name chooses it."""

    Forward = "Forward"
    Reverse = "Reverse"


MACROS = {"autodiff_forward": DiffMode.Forward, "autodiff_reverse": DiffMode.Reverse}
"""The two attribute macros of `std::autodiff`."""


class DiffActivity(enum.Enum):
    """rustc's `DiffActivity`: what an argument (or the return value) is to the
    derivative. The value is the name written in the attribute."""

    None_ = "None"
    Const = "Const"
    Active = "Active"
    ActiveOnly = "ActiveOnly"
    Dual = "Dual"
    Dualv = "Dualv"
    DualOnly = "DualOnly"
    DualvOnly = "DualvOnly"
    Duplicated = "Duplicated"
    DuplicatedOnly = "DuplicatedOnly"

    @staticmethod
    def from_str(name: str) -> DiffActivity | None:
        """rustc's `DiffActivity::from_str`: the exact, case-sensitive name."""
        return _BY_NAME.get(name)

    def is_duplicated(self) -> bool:
        return self in (DiffActivity.Duplicated, DiffActivity.DuplicatedOnly)

    def is_dual(self) -> bool:
        """`Dual` and `DualOnly`: one shadow per width."""
        return self in (DiffActivity.Dual, DiffActivity.DualOnly)

    def is_dualv(self) -> bool:
        """`Dualv` and `DualvOnly`: one shadow for the whole width."""
        return self in (DiffActivity.Dualv, DiffActivity.DualvOnly)

    def is_active(self) -> bool:
        """`Active` and `ActiveOnly` (as the return activity: a `dret` parameter)."""
        return self in (DiffActivity.Active, DiffActivity.ActiveOnly)

    def makes_unsafe(self) -> bool:
        """As an input activity, the generated fn becomes `unsafe`."""
        return self in (DiffActivity.DualOnly, DiffActivity.DuplicatedOnly)


_BY_NAME = {activity.value: activity for activity in DiffActivity}
_FORWARD = frozenset({DiffActivity.Const, DiffActivity.Dual, DiffActivity.DualOnly, DiffActivity.Dualv,
                      DiffActivity.DualvOnly})
_VALID_INPUT = {DiffMode.Forward: _FORWARD,
                DiffMode.Reverse: frozenset({DiffActivity.Const, DiffActivity.Active, DiffActivity.ActiveOnly,
                                             DiffActivity.Duplicated, DiffActivity.DuplicatedOnly})}
_VALID_RET = {DiffMode.Forward: _FORWARD,
              DiffMode.Reverse: frozenset({DiffActivity.Const, DiffActivity.Active, DiffActivity.ActiveOnly})}


def valid_input_activity(mode: DiffMode, activity: DiffActivity) -> bool:
    """rustc's `valid_input_activity`."""
    return activity in _VALID_INPUT[mode]


def valid_ret_activity(mode: DiffMode, activity: DiffActivity) -> bool:
    """rustc's `valid_ret_activity`."""
    return activity in _VALID_RET[mode]


def valid_ty_for_activity(ty: Ty, activity: DiffActivity) -> bool:
    """rustc's `valid_ty_for_activity`: only the written type counts, so `(&f64)` is no
    reference and `&self` is one."""
    if activity.is_duplicated():
        return isinstance(ty.kind, (TyKind.Ref, TyKind.Ptr))
    return activity is not DiffActivity.None_


def has_ret(output: AnyFnRetTy) -> bool:
    """rustc's `has_ret`: a return type is written and it is not `()`."""
    if not isinstance(output, FnRetTy.Ty):
        return False
    return not (isinstance(output.ty.kind, TyKind.Tup) and not output.ty.kind.tys)


@dataclass(slots=True)
class AutodiffArgs:
    """An attribute's arguments as far as rustc read them: the generated fn's name (and
    where it is written), the width, and the activities as written (an unknown one
    too)."""

    name: str | None = None
    name_span: Span = (0, 0)
    width: int = 1
    written: tuple[str, ...] = ()
