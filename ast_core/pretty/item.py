"""Items as rustc_ast_pretty's `pprust/state/item.rs` prints them: free, associated
and foreign items, fn signatures and parameters, where clauses, use trees."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model import (
    AnyFnRetTy,
    AssocItem,
    AssocItemKind,
    Attribute,
    CoroutineKind,
    Delimiter,
    Expr,
    ExternKind,
    FnDecl,
    FnHeader,
    FnRetTy,
    ForeignItem,
    ForeignItemKind,
    Generics,
    ImplPolarity,
    IsAuto,
    Item,
    ItemKind,
    ModKind,
    Mutability,
    Param,
    PatKind,
    Safety,
    Span,
    StrLit,
    StrStyle,
    Ty,
    TyKind,
    UseTree,
    UseTreeKind,
    VariantData,
    Visibility,
    WhereClause,
    WherePredicate,
    WherePredicateKind,
)
from .pp import INDENT_UNIT
from .state import PrintState


def _str_lit(lit: StrLit) -> str:
    if lit.style is StrStyle.Raw:
        return f'r"{lit.symbol}"'
    return f'"{lit.symbol}"'


def _self_kind(param: Param) -> tuple[str, Any] | None:
    """rustc's `Param::to_self`: ("value", mutbl), ("region", ref ty), ("pinned", ref ty)
    or ("explicit", mutbl) for a `self` parameter, else None."""
    pat = param.pat.kind
    if not (isinstance(pat, PatKind.Ident) and pat.binding_mode.by_ref is None and pat.ident.name == "self"):
        return None
    ty = param.ty.kind
    if isinstance(ty, TyKind.ImplicitSelf):
        return "value", pat.binding_mode.mutbl
    if isinstance(ty, TyKind.Ref) and isinstance(ty.mt.ty.kind, TyKind.ImplicitSelf):
        return "region", ty
    if isinstance(ty, TyKind.PinnedRef) and isinstance(ty.mt.ty.kind, TyKind.ImplicitSelf):
        return "pinned", ty
    return "explicit", pat.binding_mode.mutbl


AnyItem = Item | AssocItem | ForeignItem


class ItemState(PrintState):
    """The item half of `State`."""

    def print_item(self, item: Item) -> None:
        self._print_item_like(item, _ITEM_PRINTERS)

    def print_assoc_item(self, item: AssocItem) -> None:
        self._print_item_like(item, _ASSOC_ITEM_PRINTERS)

    def print_foreign_item(self, item: ForeignItem) -> None:
        self._print_item_like(item, _FOREIGN_ITEM_PRINTERS)

    def _print_item_like(self, item: AnyItem, printers: dict[type, Callable[[ItemState, Any, Any], None]]) -> None:
        """What free, associated and foreign items share: comments and outer attributes
        first, then the kind's printer from `printers`."""
        self.hardbreak_if_not_bol()
        self.maybe_print_comment(item.span[0])
        self.print_outer_attributes(item.attrs)
        printers[type(item.kind)](self, item.kind, item)

    def _item_fn(self, kind: ItemKind.Fn | AssocItemKind.Fn | ForeignItemKind.Fn, item: AnyItem) -> None:
        self.print_fn_full(item.vis, item.attrs, kind)

    def _item_use(self, kind: ItemKind.Use, item: Item) -> None:
        self.print_visibility(item.vis)
        self.word_nbsp("use")
        self.print_use_tree(kind.tree)
        self.word(";")

    def _item_extern_crate(self, kind: ItemKind.ExternCrate, item: Item) -> None:
        self.head(self._visibility_qualified(item.vis, "extern crate"))
        if kind.orig is not None:
            self.word(kind.orig)
            self.space()
            self.word("as")
            self.space()
        self.print_ident(kind.ident.name)
        self.word(";")
        self.end()
        self.end()

    def _item_static(self, kind: ItemKind.Static, item: Item) -> None:
        self.print_safety(kind.safety)
        self._print_item_const(kind.ident.name, kind.mutability, None, kind.ty, kind.expr,
                               item.vis, Safety.Default, None)

    def _item_const(self, kind: ItemKind.Const | AssocItemKind.Const, item: Item | AssocItem) -> None:
        self._print_item_const(kind.ident.name, None, kind.generics, kind.ty, kind.expr,
                               item.vis, Safety.Default, kind.defaultness)

    def _item_const_block(self, kind: ItemKind.ConstBlock, item: Item) -> None:
        self.ibox(INDENT_UNIT)
        self.word("const")
        self.nbsp()
        self.cbox(0)
        self.ibox(0)
        self.print_block_with_attrs(kind.block.block, ())
        self.end()

    def _item_mod(self, kind: ItemKind.Mod, item: Item) -> None:
        def mod_head(s: PrintState) -> None:
            s.print_visibility(item.vis)
            s.print_safety(kind.safety)
            s.word("mod")

        self.head(self.to_string(mod_head))
        self.print_ident(kind.ident.name)
        if isinstance(kind.mod_kind, ModKind.Loaded):
            self.nbsp()
            self.bopen()
            self.print_inner_attributes(item.attrs)
            for sub in kind.mod_kind.items:
                self.print_item(sub)
            self.bclose(item.span, not item.attrs and not kind.mod_kind.items)
        else:
            self.word(";")
            self.end()
            self.end()

    def _item_foreign_mod(self, kind: ItemKind.ForeignMod, item: Item) -> None:
        def extern_head(s: PrintState) -> None:
            s.print_safety(kind.safety)
            s.word("extern")

        self.head(self.to_string(extern_head))
        if kind.abi is not None:
            self.word(_str_lit(kind.abi))
            self.nbsp()
        self.bopen()
        self.print_inner_attributes(item.attrs)
        for sub in kind.items:
            self.print_foreign_item(sub)
        self.bclose(item.span, not item.attrs and not kind.items)

    def _item_ty_alias(self, kind: ItemKind.TyAlias | AssocItemKind.Type | ForeignItemKind.TyAlias, item: AnyItem
                       ) -> None:
        self._print_associated_type(kind, item.vis)

    def _item_struct(self, kind: ItemKind.Struct | ItemKind.Union, item: Item) -> None:
        keyword = "struct" if isinstance(kind, ItemKind.Struct) else "union"
        self.head(self._visibility_qualified(item.vis, keyword))
        self._print_struct(kind.data, kind.generics, kind.ident.name, item.span, True)

    def _item_trait(self, kind: ItemKind.Trait, item: Item) -> None:
        self.head("")
        self.print_visibility(item.vis)
        self.print_constness(kind.constness)
        self.print_safety(kind.safety)
        if kind.is_auto is IsAuto.Yes:
            self.word_nbsp("auto")
        self.word_nbsp("trait")
        self._print_name_generics_bounds(kind)
        self.word(" ")
        self.bopen()
        self.print_inner_attributes(item.attrs)
        for sub in kind.items:
            self.print_assoc_item(sub)
        self.bclose(item.span, not item.attrs and not kind.items)

    def _item_trait_alias(self, kind: ItemKind.TraitAlias, item: Item) -> None:
        self.head("")
        self.print_visibility(item.vis)
        self.print_constness(kind.constness)
        self.word_nbsp("trait")
        self.print_ident(kind.ident.name)
        self.print_generic_params(kind.generics.params)
        self.nbsp()
        if kind.bounds:
            self.word_nbsp("=")
            self.print_type_bounds(kind.bounds)
        self.print_where_clause(kind.generics.where_clause)
        self.word(";")
        self.end()
        self.end()

    def _item_mac_call(self, kind: ItemKind.MacCall | AssocItemKind.MacCall | ForeignItemKind.MacCall, item: AnyItem
                       ) -> None:
        self.print_mac(kind.mac)
        if kind.mac.args.delim is not Delimiter.Brace:
            self.word(";")

    def _item_macro_def(self, kind: ItemKind.MacroDef, item: Item) -> None:
        if not kind.def_.macro_rules:
            self.print_visibility(item.vis)
        self.print_mac_common("macro_rules" if kind.def_.macro_rules else "macro",
                              kind.def_.macro_rules, kind.ident.name, kind.def_.body, item.span)
        if kind.def_.body.delim is not Delimiter.Brace:
            self.word(";")

    def _item_as_written(self, kind: ItemKind.GlobalAsm | ItemKind.Delegation | ItemKind.DelegationMac
                         | AssocItemKind.Delegation | AssocItemKind.DelegationMac, item: Item | AssocItem) -> None:
        # `reuse` (unstable) and asm items after expansion: as written
        self.print_visibility(item.vis)
        self.word(self.src[item.span[0]:item.span[1]].decode("utf-8", "replace"))

    def _foreign_static(self, kind: ForeignItemKind.Static, item: ForeignItem) -> None:
        self._print_item_const(kind.ident.name, kind.mutability, None, kind.ty, kind.expr, item.vis,
                               kind.safety, None)

    def _print_item_const(self, ident: str, mutbl: Mutability | None, generics: Generics | None, ty: Ty,
                          body: Expr | None, vis: Visibility, safety: Safety, defaultness: Any) -> None:
        self.hardbreak_if_not_bol()  # rustc's `print_define_opaques(None)`
        self.head("")
        self.print_visibility(vis)
        self.print_safety(safety)
        if defaultness is not None:
            self.print_defaultness(defaultness)
        leading = {None: "const", Mutability.Not: "static", Mutability.Mut: "static mut"}[mutbl]
        self.word_space(leading)
        self.print_ident(ident)
        if generics is not None:
            self.print_generic_params(generics.params)
        self.word_space(":")
        self.print_type(ty)
        if body is not None:
            self.space()
        self.end()
        if body is not None:
            self.word_space("=")
            self.print_expr(body)
        if generics is not None:
            self.print_where_clause(generics.where_clause)
        self.word(";")
        self.end()

    def _print_name_generics_bounds(self, kind: Any) -> None:
        """`Name<T>: Bound where ..` of a trait or an associated type."""
        self.print_ident(kind.ident.name)
        self.print_generic_params(kind.generics.params)
        if kind.bounds:
            self.word_nbsp(":")
            self.print_type_bounds(kind.bounds)
        self.print_where_clause(kind.generics.where_clause)

    def _print_associated_type(self, kind: Any, vis: Visibility) -> None:
        self.head("")
        self.print_visibility(vis)
        self.print_defaultness(kind.defaultness)
        self.word_space("type")
        self._print_name_generics_bounds(kind)
        if kind.ty is not None:
            self.space()
            self.word_space("=")
            self.print_type(kind.ty)
        self.print_where_clause(kind.after_where_clause)
        self.word(";")
        self.end()
        self.end()

    def _item_enum(self, kind: ItemKind.Enum, item: Item) -> None:
        self.head(self._visibility_qualified(item.vis, "enum"))
        self.print_ident(kind.ident.name)
        self.print_generic_params(kind.generics.params)
        self.print_where_clause(kind.generics.where_clause)
        self.space()
        self.bopen()
        for variant in kind.variants:
            self.space_if_not_bol()
            self.maybe_print_comment(variant.span[0])
            self.print_outer_attributes(variant.attrs)
            self.ibox(0)
            self.head("")
            self.print_visibility(variant.vis)
            self._print_struct(variant.data, None, variant.ident.name, variant.span, False)
            if variant.disr_expr is not None:
                self.space()
                self.word_space("=")
                self.print_expr(variant.disr_expr.value)
            self.word(",")
            self.end()
            self._maybe_print_trailing_comment(variant.span, None)
        self.bclose(item.span, not kind.variants)

    def _print_struct(self, data: Any, generics: Generics | None, ident: str, span: Span,
                      finalizer: bool) -> None:
        """The rest of a struct, union or variant after its head box is open."""
        self.print_ident(ident)
        if generics is not None:
            self.print_generic_params(generics.params)
        if isinstance(data, (VariantData.Tuple, VariantData.Unit)):
            if isinstance(data, VariantData.Tuple):
                self.popen()

                def field(f: Any) -> None:
                    self.maybe_print_comment(f.span[0])
                    self.print_outer_attributes(f.attrs)
                    self.print_visibility(f.vis)
                    self.print_type(f.ty)

                self.commasep(False, data.fields, field)
                self.pclose()
            if generics is not None:
                self.print_where_clause(generics.where_clause)
            if finalizer:
                self.word(";")
            self.end()
            self.end()
            return
        if generics is not None:
            self.print_where_clause(generics.where_clause)
        self.nbsp()
        self.bopen()
        if data.fields:
            self.hardbreak_if_not_bol()
            for f in data.fields:
                self.hardbreak_if_not_bol()
                self.maybe_print_comment(f.span[0])
                self.print_outer_attributes(f.attrs)
                self.print_visibility(f.vis)
                self.print_ident(f.ident.name)
                self.word_nbsp(":")
                self.print_type(f.ty)
                self.word(",")
        self.bclose(span, not data.fields)

    def _item_impl(self, kind: ItemKind.Impl, item: Item) -> None:
        self.head("")
        self.print_visibility(item.vis)

        def impl_generics() -> None:
            self.word("impl")
            if not kind.generics.params:
                self.nbsp()
            else:
                self.print_generic_params(kind.generics.params)
                self.space()

        header = kind.of_trait
        if header is not None:
            self.print_defaultness(header.defaultness)
            self.print_constness(kind.constness)
            self.print_safety(header.safety)
            impl_generics()
            if header.polarity is ImplPolarity.Negative:
                self.word("!")
            self.print_path(header.trait_ref.path, False)
            self.space()
            self.word_space("for")
        else:
            self.print_constness(kind.constness)
            impl_generics()
        self.print_type(kind.self_ty)
        self.print_where_clause(kind.generics.where_clause)
        self.space()
        self.bopen()
        self.print_inner_attributes(item.attrs)
        for sub in kind.items:
            self.print_assoc_item(sub)
        self.bclose(item.span, not item.attrs and not kind.items)

    def print_fn_full(self, vis: Visibility, attrs: Sequence[Attribute], kind: Any) -> None:
        """A fn item, method or foreign fn: `print_fn_full`."""
        self.hardbreak_if_not_bol()  # rustc's `print_define_opaques(None)`
        if kind.body is not None:
            self.head("")
        self.print_visibility(vis)
        self.print_defaultness(kind.defaultness)
        self.print_fn(kind.sig.decl, kind.sig.header, kind.ident.name, kind.generics)
        if kind.body is not None:
            self.nbsp()
            self.print_block_with_attrs(kind.body, attrs)
        else:
            self.word(";")

    def print_fn(self, decl: FnDecl, header: FnHeader, ident: str | None, generics: Generics | None) -> None:
        self.print_fn_header_info(header)
        if ident is not None:
            self.nbsp()
            self.print_ident(ident)
        if generics is not None:
            self.print_generic_params(generics.params)
        self.print_fn_params_and_ret(decl, False)
        if generics is not None:
            self.print_where_clause(generics.where_clause)

    def print_fn_header_info(self, header: FnHeader) -> None:
        self.print_constness(header.constness)
        if header.coroutine_kind is not None:
            self.print_coroutine_kind(header.coroutine_kind)
        self.print_safety(header.safety)
        self._print_extern(header.ext, header.abi)
        self.word("fn")

    def _print_extern(self, ext: ExternKind, abi: StrLit | None) -> None:
        if ext is ExternKind.Implicit:
            self.word_nbsp("extern")
        elif ext is ExternKind.Explicit and abi is not None:
            self.word_nbsp("extern")
            self.word(_str_lit(abi))
            self.nbsp()

    def print_coroutine_kind(self, kind: Any) -> None:
        if isinstance(kind, CoroutineKind.Gen):
            self.word_nbsp("gen")
        elif isinstance(kind, CoroutineKind.Async):
            self.word_nbsp("async")
        else:
            self.word_nbsp("async")
            self.word_nbsp("gen")

    def print_fn_params_and_ret(self, decl: FnDecl, is_closure: bool) -> None:
        self.word("|" if is_closure else "(")
        self.commasep(False, decl.inputs, lambda p: self.print_param(p, is_closure))
        self.word("|" if is_closure else ")")
        self.print_fn_ret_ty(decl.output)

    def print_fn_ret_ty(self, output: AnyFnRetTy) -> None:
        if isinstance(output, FnRetTy.Ty):
            self.space_if_not_bol()
            self.ibox(INDENT_UNIT)
            self.word_space("->")
            self.print_type(output.ty)
            self.end()
            self.maybe_print_comment(output.ty.span[0])

    def print_param(self, param: Param, is_closure: bool) -> None:
        self.ibox(INDENT_UNIT)
        self.print_outer_attributes_inline(param.attrs)
        if is_closure and isinstance(param.ty.kind, TyKind.Infer):
            self.print_pat(param.pat)
        else:
            eself = _self_kind(param)
            if eself is not None:
                self._print_explicit_self(param, eself)
            else:
                if not isinstance(param.pat.kind, PatKind.Missing):
                    self.print_pat(param.pat)
                    self.word(":")
                    self.space()
                self.print_type(param.ty)
        self.end()

    def _print_explicit_self(self, param: Param, eself: tuple[str, Any]) -> None:
        how, data = eself
        if how == "value":
            self.print_mutability(data, False)
            self.word("self")
        elif how in ("region", "pinned"):
            self.word("&")
            self._print_opt_lifetime(data.lifetime)
            if how == "pinned":
                self.word("pin ")
                self.print_mutability(data.mt.mutbl, True)
            else:
                self.print_mutability(data.mt.mutbl, False)
            self.word("self")
        else:
            self.print_mutability(data, False)
            self.word("self")
            self.word_space(":")
            self.print_type(param.ty)

    def print_where_clause(self, where: WhereClause) -> None:
        if not where.predicates and not where.has_where_token:
            return
        self.space()
        self.word_space("where")
        for i, pred in enumerate(where.predicates):
            if i:
                self.word_space(",")
            self.print_where_predicate(pred)

    def print_where_predicate(self, pred: WherePredicate) -> None:
        self.print_outer_attributes(pred.attrs)
        kind = pred.kind
        if isinstance(kind, WherePredicateKind.BoundPredicate):
            self.print_formal_generic_params(kind.bound_generic_params)
            self.print_type(kind.bounded_ty)
            self.word(":")
            if kind.bounds:
                self.nbsp()
                self.print_type_bounds(kind.bounds)
        elif isinstance(kind, WherePredicateKind.RegionPredicate):
            self.print_lifetime(kind.lifetime.ident.name)
            self.word(":")
            if kind.bounds:
                self.nbsp()
                self._print_lifetime_bounds(kind.bounds)
        else:
            assert isinstance(kind, WherePredicateKind.EqPredicate)
            self.print_type(kind.lhs_ty)
            self.space()
            self.word_space("=")
            self.print_type(kind.rhs_ty)

    def print_use_tree(self, tree: UseTree) -> None:
        kind = tree.kind
        if isinstance(kind, UseTreeKind.Simple):
            self.print_path(tree.prefix, False)
            if kind.rename is not None:
                self.nbsp()
                self.word_nbsp("as")
                self.print_ident(kind.rename.name)
            return
        if tree.prefix.segments:
            self.print_path(tree.prefix, False)
            self.word("::")
        if isinstance(kind, UseTreeKind.Glob):
            self.word("*")
            return
        assert isinstance(kind, UseTreeKind.Nested)
        items = kind.items
        if not items:
            self.word("{}")
        elif len(items) == 1:  # `use a::{b};` prints as `use a::b;` (even `{self}`, in 1.95)
            self.print_use_tree(items[0])
        else:
            self.cbox(INDENT_UNIT)
            self.word("{")
            self.zerobreak()
            self.ibox(0)
            for i, sub in enumerate(items):
                self.print_use_tree(sub)
                if i + 1 < len(items):
                    self.word(",")
                    if isinstance(sub.kind, UseTreeKind.Nested):
                        self.hardbreak()
                    else:
                        self.space()
            self.end()
            self.trailing_comma()
            self.offset(-INDENT_UNIT)
            self.word("}")
            self.end()


#: `ItemKind` variant -> the `ItemState` method printing it.
_ITEM_PRINTERS: dict[type, Callable[[ItemState, Any, Item], None]] = {
    ItemKind.ExternCrate: ItemState._item_extern_crate,
    ItemKind.Use: ItemState._item_use,
    ItemKind.Static: ItemState._item_static,
    ItemKind.Const: ItemState._item_const,
    ItemKind.ConstBlock: ItemState._item_const_block,
    ItemKind.Fn: ItemState._item_fn,
    ItemKind.Mod: ItemState._item_mod,
    ItemKind.ForeignMod: ItemState._item_foreign_mod,
    ItemKind.GlobalAsm: ItemState._item_as_written,
    ItemKind.TyAlias: ItemState._item_ty_alias,
    ItemKind.Enum: ItemState._item_enum,
    ItemKind.Struct: ItemState._item_struct,
    ItemKind.Union: ItemState._item_struct,
    ItemKind.Trait: ItemState._item_trait,
    ItemKind.TraitAlias: ItemState._item_trait_alias,
    ItemKind.Impl: ItemState._item_impl,
    ItemKind.MacCall: ItemState._item_mac_call,
    ItemKind.MacroDef: ItemState._item_macro_def,
    ItemKind.Delegation: ItemState._item_as_written,
    ItemKind.DelegationMac: ItemState._item_as_written,
}


#: `AssocItemKind` variant -> the `ItemState` method printing it.
_ASSOC_ITEM_PRINTERS: dict[type, Callable[[ItemState, Any, AssocItem], None]] = {
    AssocItemKind.Const: ItemState._item_const,
    AssocItemKind.Fn: ItemState._item_fn,
    AssocItemKind.Type: ItemState._item_ty_alias,
    AssocItemKind.MacCall: ItemState._item_mac_call,
    AssocItemKind.Delegation: ItemState._item_as_written,
    AssocItemKind.DelegationMac: ItemState._item_as_written,
}


#: `ForeignItemKind` variant -> the `ItemState` method printing it.
_FOREIGN_ITEM_PRINTERS: dict[type, Callable[[ItemState, Any, ForeignItem], None]] = {
    ForeignItemKind.Static: ItemState._foreign_static,
    ForeignItemKind.Fn: ItemState._item_fn,
    ForeignItemKind.TyAlias: ItemState._item_ty_alias,
    ForeignItemKind.MacCall: ItemState._item_mac_call,
}
