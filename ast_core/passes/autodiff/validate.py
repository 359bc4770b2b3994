"""rustc's checks of an autodiff attribute against its fn, in rustc's order (the
expansion's "did not recognize Activity", "expected N activities", "can not be used
in ... Mode", ...; the inputs on which rustc 1.95 panics, reported as a crash), and
the errors late resolution finds in the generated signature (E0106, E0415)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ...meta import MetaItemInner
from ...model import (
    AngleBracketedArg, AnyFnRetTy, FnDecl, FnRetTy, GenericArg, GenericArgs, Param, Pat, PatKind, Span, Ty, TyKind,
)
from .attrs import DiffActivity, DiffMode, has_ret, valid_input_activity, valid_ret_activity, valid_ty_for_activity
from .parse import U32_MAX, first_ident, lit_int, written
from .results import AutodiffDiagnostic, Record


@dataclass(frozen=True, slots=True)
class Activities:
    """An attribute's activities, split as rustc splits them."""

    inputs: list[tuple[DiffActivity, Span]]
    #: The return activity, `None_` when the fn returns nothing (then at the attribute).
    ret: DiffActivity
    ret_span: Span
    has_ret: bool
    #: rustc reported a count, mode or type error: the generated fn keeps the source's
    #: signature.
    errored: bool


def ident_name(pat: Pat) -> str | None:
    """The name an identifier pattern binds (`mut x` and `ref x` bind `x`)."""
    kind = pat.kind
    return kind.ident.name if isinstance(kind, PatKind.Ident) else None


def check_activities(record: Record, items: Sequence[MetaItemInner], decl: FnDecl) -> Activities | None:
    """Read the arguments after the name into `record.args` and check them against the
    fn, as rustc's `expand_with_mode` does; None where rustc generates nothing (its
    error, or its crash, is on the record)."""
    ret_written = has_ret(decl.output)
    width = lit_int(items[1]) if len(items) >= 2 else None
    first = 1 if width is None else 2
    args = record.args
    args.name, args.name_span = first_ident(items[0]), items[0].span
    args.written = tuple(written(i) for i in items[first:])
    # rustc writes the `#[rustc_autodiff]` tokens first: an activity that is neither
    # a name nor an integer panics before anything is checked
    if any(first_ident(i) is None for i in items[first:]):
        record.crash("an activity must be a name")
        return None
    if width is not None:
        if width > U32_MAX:
            record.error(items[1].span, f"autodiff width must fit u32, but is {width}")
            return None
        args.width = width
    named = [(first_ident(i) or "", i.span) for i in items[first:]]
    unknown = [(name, span) for name, span in named if DiffActivity.from_str(name) is None]
    for name, span in unknown:
        record.error(span, f"did not recognize Activity: `{name}`")
    if unknown:
        return None
    activities = [(DiffActivity(name), span) for name, span in named]
    if ret_written and not activities:
        record.crash("no activity for a function that returns a value")
        return None
    if ret_written:
        inputs, (ret, ret_span) = activities[:-1], activities[-1]
    else:
        inputs, ret, ret_span = activities, DiffActivity.None_, record.span
    params = decl.inputs
    mode = record.mode
    found = len(inputs) + (ret is not DiffActivity.None_)
    expected = len(params) + ret_written
    errored = found != expected
    if errored:
        record.error(record.span, f"expected {expected} activities, but found {found}")
    elif len(inputs) != len(params):
        record.crash("`None` as the last of more activities than the function has")
        return None
    else:
        for param, (act, _) in zip(params, inputs, strict=True):
            if not valid_input_activity(mode, act):
                record.error(record.span, f"{act.value} can not be used in {mode.value} Mode")
                errored = True
            if not valid_ty_for_activity(param.ty, act):
                record.error(param.ty.span, f"{act.value} can not be used for this type")
                errored = True
        if ret_written and not valid_ret_activity(mode, ret):
            record.error(record.span, f"invalid return activity {ret.value} in {mode.value} Mode")
    if any(ident_name(p.pat) is None for p in params):
        record.crash("a parameter whose pattern is not an identifier")
        return None
    if not errored and mode is DiffMode.Forward and ret is DiffActivity.ActiveOnly:
        record.crash("`ActiveOnly` as the return activity in Forward Mode")
        return None
    if args.name is None:
        record.crash("the generated function's name must be an identifier or an integer")
        return None
    return Activities(inputs, ret, ret_span, ret_written, errored)


def rebound_params(bound: Sequence[tuple[str, Span, bool]]) -> list[AutodiffDiagnostic]:
    """E0415 for each parameter of the generated fn, `(name, span, generated)`, that
    binds a name an earlier one binds, where one of the two is generated (a source
    parameter called `dret` or `dx_0`); rustc reports it at the later one."""
    out = []
    seen: dict[str, bool] = {}
    for name, span, generated in bound:
        if name in seen and (generated or seen[name]):
            out.append(AutodiffDiagnostic(
                span, f"identifier `{name}` is bound more than once in this parameter list", code="E0415",
                labels=((span, "used as parameter more than once"),)))
        seen[name] = seen.get(name, False) or generated
    return out


def _lifetimes(ty: Ty) -> Iterator[tuple[str | None, Span]]:
    """The lifetimes `ty` names or elides (`&T` and `'_` give None), outside fn
    pointers and trait bounds, which bind their own."""
    kind = ty.kind
    if isinstance(kind, (TyKind.Ref, TyKind.PinnedRef)):
        if kind.lifetime is None:
            yield None, (ty.span[0], ty.span[0] + 1)
        else:
            name = kind.lifetime.ident.name
            yield (None if name == "'_" else name), kind.lifetime.ident.span
        yield from _lifetimes(kind.mt.ty)
    elif isinstance(kind, TyKind.Ptr):
        yield from _lifetimes(kind.mt.ty)
    elif isinstance(kind, (TyKind.Slice, TyKind.Array, TyKind.Paren)):
        yield from _lifetimes(kind.ty)
    elif isinstance(kind, TyKind.Tup):
        for sub in kind.tys:
            yield from _lifetimes(sub)
    elif isinstance(kind, TyKind.Path):
        for seg in kind.path.segments:
            if isinstance(seg.args, GenericArgs.AngleBracketed):
                for arg in seg.args.args:
                    if not isinstance(arg, AngleBracketedArg.Arg):
                        continue
                    if isinstance(arg.arg, GenericArg.Type):
                        yield from _lifetimes(arg.arg.ty)
                    elif isinstance(arg.arg, GenericArg.Lifetime):
                        name = arg.arg.lifetime.ident.name
                        yield (None if name == "'_" else name), arg.arg.lifetime.ident.span


def missing_lifetimes(params: Sequence[Param], output: AnyFnRetTy) -> list[Span]:
    """E0106's spans: the elided lifetimes of the return type when elision cannot pick
    one: no `&self`, and the inputs do not have exactly one lifetime (each elided one
    is a lifetime of its own, a named one counts once)."""
    if not isinstance(output, FnRetTy.Ty):
        return []
    elided = [span for name, span in _lifetimes(output.ty) if name is None]
    if not elided:
        return []
    if params and ident_name(params[0].pat) == "self" and isinstance(params[0].ty.kind, TyKind.Ref):
        return []
    inputs = [name for p in params for name, _ in _lifetimes(p.ty)]
    if sum(name is None for name in inputs) + len({name for name in inputs if name is not None}) == 1:
        return []
    return elided
