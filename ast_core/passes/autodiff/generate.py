"""The nodes an expansion builds, as rustc's `autodiff.rs` builds them: shadow
parameters, the return types of both modes, paths and attributes. Synthesised nodes
get the attribute's span, as rustc gives them its expansion's."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import (
    AnonConst, AnyAttrArgs, AnyFnRetTy, AnyGenericArgs, AttrItem, AttrKind, Attribute, AttrStyle, BindingMode,
    Expr, ExprKind, FnRetTy, Ident, Lit, LitKind, Mutability, MutTy, Param, Pat, PatKind, Path, PathSegment,
    Safety, Span, Ty, TyKind,
)
from ..configure import path_names
from .attrs import DiffActivity


def mut_ref(ty: Ty) -> Ty:
    """rustc's `assure_mut_ref`: the outermost reference or pointer made mutable."""
    kind = ty.kind
    if isinstance(kind, TyKind.Ref):
        return Ty(TyKind.Ref(kind.lifetime, MutTy(kind.mt.ty, Mutability.Mut)), ty.span)
    assert isinstance(kind, TyKind.Ptr)  # `valid_ty_for_activity` let only these through
    return Ty(TyKind.Ptr(MutTy(kind.mt.ty, Mutability.Mut)), ty.span)


def build_path(names: Sequence[str], span: Span, last_span: Span | None = None, args: AnyGenericArgs | None = None
         ) -> Path:
    segments = [PathSegment(Ident(name, span), None) for name in names]
    if last_span is not None:
        segments[-1].ident = Ident(names[-1], last_span)
    segments[-1].args = args
    return Path(span, segments)


def ty_path(name: str, span: Span) -> Ty:
    return Ty(TyKind.Path(None, build_path([name], span)), span)


def ident_pat(name: str, span: Span) -> Pat:
    return Pat(PatKind.Ident(BindingMode(None, Mutability.Not), Ident(name, span), None), span)


def shadow(param: Param, name: str, ty: Ty) -> Param:
    """A shadow parameter: a plain identifier, the source parameter's attributes (a
    false `#[cfg]` removes both) and the given type."""
    return Param(list(param.attrs), ty, ident_pat(name, param.pat.span), param.span)


def _usize(value: int, span: Span) -> AnonConst:
    return AnonConst(Expr(ExprKind.Lit(Lit(LitKind.Integer, str(value), "usize", 0)), span, ()))


def forward_output(output: AnyFnRetTy, ret: DiffActivity, width: int, has_ret: bool, span: Span) -> AnyFnRetTy:
    """Forward mode's return type: `()` written out when there is none;
    `Dual` pairs the primal with its tangent, or makes an array of `width + 1`."""
    if not has_ret:
        return FnRetTy.Ty(Ty(TyKind.Tup([]), span))
    assert isinstance(output, FnRetTy.Ty)
    ret_ty = output.ty
    if ret is DiffActivity.Dual:
        if width == 1:
            return FnRetTy.Ty(Ty(TyKind.Tup([ret_ty, ret_ty]), span))
        return FnRetTy.Ty(Ty(TyKind.Array(ret_ty, _usize(width + 1, span)), span))
    if ret is DiffActivity.Dualv:
        return FnRetTy.Ty(Ty(TyKind.Tup([ret_ty, ret_ty]), span))
    if ret in (DiffActivity.DualOnly, DiffActivity.DualvOnly) and width > 1:
        return FnRetTy.Ty(Ty(TyKind.Array(ret_ty, _usize(width, span)), span))
    return output


def reverse_output(output: AnyFnRetTy, ret: DiffActivity, actives: list[Ty], span: Span) -> AnyFnRetTy:
    """Reverse mode's return type: the primal value (dropped by
    `ActiveOnly`) followed by the `Active` inputs' gradients; one value stays bare."""
    base = output.ty if isinstance(output, FnRetTy.Ty) and ret is not DiffActivity.ActiveOnly else None
    if not actives:
        return FnRetTy.Default(span) if ret is DiffActivity.ActiveOnly else output
    if base is None:
        return FnRetTy.Ty(actives[0] if len(actives) == 1 else Ty(TyKind.Tup(list(actives)), span))
    return FnRetTy.Ty(Ty(TyKind.Tup([base, *actives]), span))


def is_path(attr: Attribute, name: str) -> bool:
    return path_names(attr) == (name,)


def outer_attr(attr_path: Path, args: AnyAttrArgs, span: Span) -> Attribute:
    return Attribute(AttrKind.Normal(AttrItem(Safety.Default, attr_path, args)), 0, AttrStyle.Outer, span)
