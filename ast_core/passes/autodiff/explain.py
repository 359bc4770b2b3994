"""What each activity of an attribute does, in words, for an editor's hover: which
shadow parameters it adds, where its gradient or tangent goes, and why rustc rejects
it where it does."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import AnyFnRetTy, FnRetTy, Param
from ...pretty import param_to_string, ty_to_string
from .attrs import DiffActivity, DiffMode, valid_input_activity, valid_ret_activity, valid_ty_for_activity
from .generate import mut_ref
from .results import ActivityNote
from .validate import Activities, ident_name


def explain(mode: DiffMode, width: int, params: Sequence[Param], acts: Activities, output: AnyFnRetTy,
            src: bytes, edition: int) -> list[ActivityNote]:
    """One note per activity, as an editor shows them on hover."""
    ret, errored = acts.ret, acts.errored
    notes: list[ActivityNote] = []
    gradients = 0
    # in reverse mode the gradients follow the primal value in the returned tuple
    first_gradient = 1 if isinstance(output, FnRetTy.Ty) and ret is not DiffActivity.ActiveOnly else 0
    active_count = sum(act is DiffActivity.Active for act, _ in acts.inputs)
    for param, (act, span) in zip(params, acts.inputs, strict=False):  # after a count error, fewer
        name = ident_name(param.pat) or "_"
        ty = ty_to_string(param.ty, src, edition)
        if not valid_input_activity(mode, act):
            text = f"`{act.value}` is not an input activity of {mode.value} mode: rustc rejects it."
        elif act is DiffActivity.Const:
            text = f"`{name}` is constant: passed through, without a shadow."
        elif act is DiffActivity.Active:
            if first_gradient + active_count == 1:
                text = f"`{name}` is active: its gradient (`{ty}`) is what the generated fn returns."
            else:
                text = (f"`{name}` is active: its gradient (`{ty}`) is element `.{first_gradient + gradients}` "
                        f"of the returned tuple.")
            gradients += 1
        elif act is DiffActivity.ActiveOnly:
            text = f"`{name}` is active, but no gradient is returned for it."
        elif act.is_duplicated():
            shadow_ty = ty_to_string(mut_ref(param.ty), src, edition) if valid_ty_for_activity(param.ty, act) else ty
            text = f"`{name}` is duplicated: {_shadows('d' + name, width, shadow_ty)} its gradient."
            if act is DiffActivity.DuplicatedOnly:
                text += " The generated fn is `unsafe`."
        elif act.is_dual():
            text = f"`{name}` is dual: {_shadows('b' + name, width, ty)} its tangent."
            if act is DiffActivity.DualOnly:
                text += " The generated fn is `unsafe`."
        else:
            text = (f"`{name}` is dual in vector mode: one shadow `b{name}_0` (`{ty}`) carries all "
                    f"{width} tangents.")
        if errored and valid_input_activity(mode, act):
            text += " (rustc reports an error: the generated fn keeps the source's signature.)"
        notes.append(ActivityNote(act, span, param_to_string(param, src, edition), text))
    if acts.has_ret:
        assert isinstance(output, FnRetTy.Ty)
        ty = ty_to_string(output.ty, src, edition)
        notes.append(ActivityNote(ret, acts.ret_span, f"-> {ty}", _explain_ret(mode, ret, width, ty, gradients)))
    return notes


def _shadows(prefix: str, width: int, ty: str) -> str:
    """`the shadow `dx_0` (`&mut f64`) holds` and its plural."""
    if width == 0:
        return "width 0 gives no shadow for"
    if width == 1:
        return f"the shadow `{prefix}_0` (`{ty}`) holds"
    return f"the shadows `{prefix}_0` .. `{prefix}_{width - 1}` (`{ty}`) hold"


def _explain_ret(mode: DiffMode, ret: DiffActivity, width: int, ty: str, gradients: int) -> str:
    if not valid_ret_activity(mode, ret):
        return (f"`{ret.value}` is not a return activity of {mode.value} mode: rustc rejects it; "
                f"the return type stays `{ty}`.")
    if mode is DiffMode.Forward:
        if ret is DiffActivity.Const:
            return f"The return value is constant: the generated fn returns the primal `{ty}`."
        if ret is DiffActivity.Dual:
            if width == 1:
                return f"The generated fn returns `({ty}, {ty})`: the primal value and its tangent."
            return f"The generated fn returns `[{ty}; {width + 1}]`: the primal value, then {width} tangents."
        if ret is DiffActivity.Dualv:
            return f"The generated fn returns `({ty}, {ty})`: the primal value and the tangent vector."
        if width > 1:
            return f"The generated fn returns `[{ty}; {width}]`: {width} tangents, without the primal value."
        return f"The generated fn returns the tangent `{ty}`, without the primal value."
    grads = f", followed by {gradients} gradient{'s' if gradients != 1 else ''}" if gradients else ""
    if ret is DiffActivity.Const:
        return f"The return value is constant: the generated fn returns the primal `{ty}`{grads}."
    if ret is DiffActivity.Active:
        return (f"`dret: {ty}` seeds the return value's adjoint; the generated fn returns the primal "
                f"`{ty}`{grads}.")
    dropped = f"only the gradient{'s' if gradients != 1 else ''}" if gradients else "nothing"
    return (f"`dret: {ty}` seeds the return value's adjoint; the generated fn returns {dropped}, "
            f"not the primal value.")
