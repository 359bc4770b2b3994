"""cfg predicates: one cfg site parsed as rustc parses it, and evaluated.

A site is `#[cfg(..)]` / `#![cfg(..)]`, `#[cfg_attr(..)]`, or `cfg!(..)` (also the
malformed shapes `#[cfg]`, `#[cfg = ".."]`, `#[cfg[..]]`), an arm of `cfg_select!`,
or the `cfg(..)` inside `#[doc(..)]` and `#[link(..)]` (each worded in errors as
rustc words it for that construct). Parsing gives the predicate
tree, every leaf rustc lints for `unexpected_cfgs` (in rustc's order), and rustc's
errors, with its texts, spans, labels, notes and suggestions. rustc keeps going after
most errors inside a predicate, so leaves beside a malformed part are still linted
(`any(foo = 1, bar)` reports the literal and still lints `bar`): `leaves` holds exactly
those.

Where rustc rejects a site, `predicate` is None. rustc then keeps an item whose
`#[cfg]` it rejected (as if the predicate held), expands a rejected `#[cfg_attr]` to
nothing, and makes a rejected `cfg!` an error expression.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import Enum

from ast_core.cfg.diagnostic import CfgDiagnostic, Child, Edit, Label, Level, Suggestion
from ast_core.meta import (
    PATH_SEGMENT_KEYWORDS, MetaItemLit, MetaItem, add_suggestion, MetaItemInner, MetaList, MetaParseError, MetaParser,
    NameValue, ident_to_string, syntax_error,
)
from ast_core.model.span import Span
from ast_core.record import Record

#: The rustc these rules follow; `version(..)` predicates compare with it.
RUSTC_VERSION = (1, 95, 0)

ActiveCfg = Collection[tuple[str, "str | None"]]
"""The configuration code is compiled for: `(name, None)` or `(name, value)` pairs."""


class SiteKind(Enum):
    CFG = "cfg"
    CFG_ATTR = "cfg_attr"
    CFG_MACRO = "cfg!"
    #: An arm of `cfg_select! { PRED => .. }`; the site's span is the predicate.
    CFG_SELECT = "cfg_select"
    #: `#[doc(cfg(..))]` and `#[doc(auto_cfg(hide(..)))]`: the site is the `doc` attribute.
    DOC = "doc"
    #: `#[link(.., cfg(..))]`: the site is the `link` attribute.
    LINK = "link"


class SiteStyle(Enum):
    """How the site is written, which decides rustc's "must be of the form" template."""

    OUTER = "#[..]"
    INNER = "#![..]"
    EMBEDDED = "..(..)"  # a `cfg(..)` produced by an enclosing `cfg_attr`


class CfgSite(Record):
    """Where a cfg predicate is written.

    `span` covers the whole attribute (`#[` to `]`), the attribute item inside a
    `cfg_attr` for an embedded one, or the whole `cfg!(..)` call. `args` covers the
    delimited arguments with their delimiters, or `= value` for `#[cfg = value]`;
    None for a bare `#[cfg]`.
    """

    __slots__ = ("kind", "span", "args", "style")

    def __init__(self, kind: SiteKind, span: Span, args: Span | None, style: SiteStyle = SiteStyle.OUTER) -> None:
        self.kind = kind
        self.span = span
        self.args = args
        self.style = style


class CfgLeaf(Record):
    """`name` or `name = "value"`, the unit rustc checks against the expected set.

    `name` has no `r#`; inside `target(..)` it gets rustc's `target_` prefix.
    `value` is the unescaped string. `span` covers the whole leaf, `value_span` the
    string literal with its quotes.
    """

    __slots__ = ("name", "value", "span", "name_span", "value_span", "raw")

    def __init__(self, name: str, value: str | None, span: Span, name_span: Span, value_span: Span | None,
                 raw: bool = False) -> None:
        self.name = name
        self.value = value
        self.span = span
        self.name_span = name_span
        self.value_span = value_span
        self.raw = raw


class CfgAny(Record):
    __slots__ = ("preds", "span")

    def __init__(self, preds: tuple[Predicate, ...], span: Span) -> None:
        self.preds = preds
        self.span = span


class CfgAll(Record):
    __slots__ = ("preds", "span")

    def __init__(self, preds: tuple[Predicate, ...], span: Span) -> None:
        self.preds = preds
        self.span = span


class CfgNot(Record):
    __slots__ = ("pred", "span")

    def __init__(self, pred: Predicate, span: Span) -> None:
        self.pred = pred
        self.span = span


class CfgBool(Record):
    __slots__ = ("value", "span")

    def __init__(self, value: bool, span: Span) -> None:
        self.value = value
        self.span = span


class CfgVersion(Record):
    """`version("1.80")`; `min` is None for a version rustc cannot read (never true)."""

    __slots__ = ("min", "span")

    def __init__(self, min: tuple[int, int, int] | None, span: Span) -> None:
        self.min = min
        self.span = span


Predicate = CfgLeaf | CfgAny | CfgAll | CfgNot | CfgBool | CfgVersion


class ParsedCfg(Record):
    __slots__ = ("predicate", "leaves", "errors")

    def __init__(self, predicate: Predicate | None, leaves: tuple[CfgLeaf, ...],
                 errors: tuple[CfgDiagnostic, ...]) -> None:
        self.predicate = predicate
        self.leaves = leaves
        self.errors = errors


class AttrItem(Record):
    """One attribute a `cfg_attr` expands to: its path as written (`inline`,
    `cfg`, `cfg_attr`), its span, and its arguments (as for `CfgSite.args`)."""

    __slots__ = ("path", "span", "args")

    def __init__(self, path: str, span: Span, args: Span | None) -> None:
        self.path = path
        self.span = span
        self.args = args


class ParsedCfgAttr(ParsedCfg):
    __slots__ = ("attrs",)

    def __init__(self, predicate: Predicate | None, leaves: tuple[CfgLeaf, ...], errors: tuple[CfgDiagnostic, ...],
                 attrs: tuple[AttrItem, ...] = ()) -> None:
        super().__init__(predicate, leaves, errors)
        self.attrs = attrs

    def nested_site(self, item: AttrItem, outer: CfgSite) -> CfgSite | None:
        """The site of a `cfg` or `cfg_attr` this `cfg_attr` expands to, as rustc sees
        it once expanded (the caller lints it if the predicate holds)."""
        if item.path == "cfg":
            return CfgSite(SiteKind.CFG, item.span, item.args, SiteStyle.EMBEDDED)
        if item.path == "cfg_attr":
            return CfgSite(SiteKind.CFG_ATTR, item.span, item.args, outer.style)
        return None


_DOCS = "https://doc.rust-lang.org/reference/conditional-compilation.html"
_LINK_DOCS = "https://doc.rust-lang.org/reference/items/external-blocks.html#the-link-attribute"
_SELECT_HELP = Child("help", "try changing it to one of the following valid forms of the macro")


class _Form(Record):
    """How rustc words a malformed-input error for one kind of site: "malformed
    `{name}` {descr} input", its "must be of the form" template (if any), its docs
    link (if any) and any plain help."""

    __slots__ = ("name", "descr", "template", "docs", "helps")

    def __init__(self, name: str, descr: str, template: str | None, docs: str | None,
                 helps: tuple[Child, ...] = ()) -> None:
        self.name = name
        self.descr = descr
        self.template = template
        self.docs = docs
        self.helps = helps


def _form(site: CfgSite) -> _Form:
    if site.kind is SiteKind.DOC:
        return _Form("doc", "attribute", None, None)
    if site.kind is SiteKind.LINK:
        return _Form("link", "attribute", None, _LINK_DOCS)
    if site.kind is SiteKind.CFG_SELECT:
        return _Form("cfg_select", "macro", None, None, (_SELECT_HELP,))
    if site.kind is SiteKind.CFG_ATTR:
        body, anchor = "cfg_attr(predicate, attr1, attr2, ...)", "the-cfg_attr-attribute"
    else:
        body, anchor = "cfg(predicate)", "the-cfg-attribute"
    if site.kind is SiteKind.CFG_MACRO:
        return _Form("cfg", "macro", "cfg!(predicate)", f"{_DOCS}#{anchor}")
    text = {SiteStyle.OUTER: f"#[{body}]", SiteStyle.INNER: f"#![{body}]",
            SiteStyle.EMBEDDED: body}[site.style]
    return _Form(site.kind.value, "attribute", text, f"{_DOCS}#{anchor}")


def _docs_note(form: _Form) -> tuple[Child, ...]:
    return (Child("note", f"for more information, visit <{form.docs}>"),) if form.docs else ()


def _with_template(diag: CfgDiagnostic, site: CfgSite) -> CfgDiagnostic:
    """A syntax error as a `cfg_attr` reports it: with its note and form."""
    form = _form(site)
    if form.template is not None:
        diag = add_suggestion(diag, Suggestion("must be of the form", (Edit(site.span, form.template),),
                                               "HasPlaceholders"))
    return diag.replace(children=diag.children + _docs_note(form))


class _Interpreter:
    """rustc's `parse_cfg_entry`: meaning for parsed meta items, with its errors."""

    def __init__(self, site: CfgSite, edition: int) -> None:
        self.site = site
        self.edition = edition
        self.leaves: list[CfgLeaf] = []
        self.errors: list[CfgDiagnostic] = []

    def attr_error(self, span: Span, reason: str, code: str = "E0539") -> None:
        """rustc's `AttributeParseError`: "malformed `cfg` attribute input"."""
        form = _form(self.site)
        suggestions = () if form.template is None else (
            Suggestion("must be of the form", (Edit(self.site.span, form.template),), "HasPlaceholders"),)
        self.errors.append(CfgDiagnostic(
            code="malformed_cfg", level="error", what="malformed",
            message=f"malformed `{form.name}` {form.descr} input", span=self.site.span,
            labels=(Label(span, reason),), children=form.helps + _docs_note(form),
            suggestions=suggestions, rustc_code=code))

    def expected_string(self, lit: MetaItemLit) -> None:
        if lit.kind != "byte_str":
            self.attr_error(lit.span, "expected a string literal here")
            return
        form = _form(self.site)
        self.errors.append(CfgDiagnostic(
            code="malformed_cfg", level="error", what="malformed",
            message=f"malformed `{form.name}` {form.descr} input", span=self.site.span,
            children=(Child("note", "expected a normal string literal, not a byte string literal"),),
            suggestions=(Suggestion("consider removing the prefix",
                                    (Edit((lit.span[0], lit.span[0] + 1), ""),), "MaybeIncorrect"),),
            rustc_code="E0539"))

    def plain_error(self, message: str, span: Span, level: Level = "error") -> None:
        self.errors.append(syntax_error(message, span).with_level(level))

    def entry(self, item: MetaItemInner) -> Predicate | None:
        """The predicate for `item`, or None where rustc gives up on it."""
        if isinstance(item, MetaItemLit):
            if item.kind == "bool":
                return CfgBool(item.value == "true", item.span)
            self.attr_error(item.span, "expected a valid identifier here")
            return None
        if isinstance(item.args, MetaList):
            return self.list_entry(item, item.args)
        word = item.path.word
        if word is None or word.name in PATH_SEGMENT_KEYWORDS:
            self.attr_error(item.path.span, "expected a valid identifier here")
            return None
        return self.name_value(word.name, word.raw, item.path.span, item.args, item.span)

    def list_entry(self, item: MetaItem, args: MetaList) -> Predicate | None:
        word = item.path.word
        name = word.name if word else None
        if name == "not":
            if len(args.items) != 1:
                self.attr_error(args.span, "expected a single argument here", "E0805")
                return None
            inner = self.entry(args.items[0])
            return None if inner is None else CfgNot(inner, args.span)
        if name in ("any", "all"):
            preds = tuple(p for p in map(self.entry, args.items) if p is not None)
            return (CfgAny if name == "any" else CfgAll)(preds, args.span)
        if name == "target":
            return self.target(args)
        if name == "version":
            return self.version(item, args)
        self.errors.append(CfgDiagnostic(
            code="malformed_cfg", level="error", what="malformed",
            message=f"invalid predicate `{item.path.to_string(self.edition)}`", span=item.span,
            rustc_code="E0537"))
        return None

    def name_value(self, name: str, raw: bool, name_span: Span, args: NameValue | None,
                   span: Span) -> CfgLeaf | None:
        """rustc's `parse_name_value`: where the lint fires."""
        value = value_span = None
        if args is not None:
            if args.lit.kind != "str":
                self.expected_string(args.lit)
                return None
            value, value_span = args.lit.value, args.lit.span
        leaf = CfgLeaf(name, value, span, name_span, value_span, raw)
        self.leaves.append(leaf)
        return leaf

    def target(self, args: MetaList) -> Predicate | None:
        """`target(os = "linux", ..)`: `all` of `target_os = "linux"`, .."""
        preds: list[Predicate] = []
        for sub in args.items:
            span = sub.span
            if isinstance(sub, MetaItemLit) or not isinstance(sub.args, NameValue):
                self.attr_error(span, 'expected this to be of the form `... = "..."`')
                continue
            word = sub.path.word
            if word is None or word.name in PATH_SEGMENT_KEYWORDS:
                self.attr_error(sub.path.span, "expected a valid identifier here")
                return None
            leaf = self.name_value(f"target_{word.name}", word.raw, sub.path.span, sub.args, span)
            if leaf is not None:
                preds.append(leaf)
        return CfgAll(tuple(preds), args.span)

    def version(self, item: MetaItem, args: MetaList) -> Predicate | None:
        if len(args.items) != 1:
            self.plain_error("expected single version literal", args.span)
            return None
        lit = args.items[0]
        if not isinstance(lit, MetaItemLit) or lit.kind != "str" or lit.value is None:
            self.plain_error("expected a version literal", lit.span)
            return None
        version = parse_version(lit.value)
        if version is None:
            self.plain_error("unknown version literal format, assuming it refers to a future version",
                             lit.span, "warning")
        return CfgVersion(version, args.span)


def parse_version(text: str) -> tuple[int, int, int] | None:
    """rustc's `parse_version`: `major.minor[.patch]`, each a u16."""
    if "-" in text:
        return None
    parts = text.split(".", 2)
    if len(parts) < 2:
        return None
    parts += ["0"] * (3 - len(parts))
    if not all(p.isascii() and p.isdigit() and int(p) < 65536 for p in parts):
        return None
    return int(parts[0]), int(parts[1]), int(parts[2])


def _delimiter(data: bytes, args: Span) -> bytes:
    return data[args[0]:args[0] + 1]


def _bad_delimiters(message: str, args: Span) -> CfgDiagnostic:
    return syntax_error(message, args, suggestions=(Suggestion(
        "the delimiters should be `(` and `)`",
        (Edit((args[0], args[0] + 1), "("), Edit((args[1] - 1, args[1]), ")")),
        "MachineApplicable"),))


def parse_cfg(data: bytes, site: CfgSite, edition: int = 2021) -> ParsedCfg:
    """A `#[cfg]`-style attribute or a `cfg!` call, as rustc reads it."""
    if site.kind is SiteKind.CFG_MACRO:
        return _parse_cfg_macro(data, site, edition)
    cx = _Interpreter(site, edition)
    args = site.args
    if args is None or _delimiter(data, args) == b"=":
        cx.attr_error(args or site.span, "expected this to be a list")
        return ParsedCfg(None, (), tuple(cx.errors))
    if _delimiter(data, args) != b"(":
        return ParsedCfg(None, (), (_bad_delimiters("wrong meta list delimiters", args),))
    parser = MetaParser(data, args[0] + 1, args[1] - 1, edition)
    try:
        items = parser.parse_list_to_end()
    except MetaParseError as err:
        return ParsedCfg(None, (), (*parser.errors, err.diagnostic))
    predicate = None
    if len(items) != 1:
        cx.attr_error(args, "expected a single argument here", "E0805")
    else:
        predicate = cx.entry(items[0])
    return ParsedCfg(predicate, tuple(cx.leaves), (*parser.errors, *cx.errors))


def _parse_cfg_macro(data: bytes, site: CfgSite, edition: int) -> ParsedCfg:
    cx = _Interpreter(site, edition)
    if site.args is None:
        raise ValueError("a `cfg!` site has delimited arguments")
    parser = MetaParser(data, site.args[0] + 1, site.args[1] - 1, edition)
    if parser.at_eof:
        return ParsedCfg(None, (), (syntax_error(
            "macro requires a cfg-pattern as an argument", site.span,
            (Label(site.span, "cfg-pattern required"),)),))
    try:
        item = parser.parse_inner()
    except MetaParseError as err:
        return ParsedCfg(None, (), (*parser.errors, err.diagnostic))
    predicate = cx.entry(item)
    parser.eat(",")
    if not parser.at_eof:
        cx.errors.append(syntax_error("expected 1 cfg-pattern", site.span))
        predicate = None
    return ParsedCfg(predicate, tuple(cx.leaves), (*parser.errors, *cx.errors))


def parse_cfg_attr(data: bytes, site: CfgSite, edition: int = 2021) -> ParsedCfgAttr:
    """A `#[cfg_attr(predicate, attr, ..)]`: its predicate and the attributes it
    expands to when the predicate holds."""
    cx = _Interpreter(site, edition)
    args = site.args
    if args is None or _delimiter(data, args) == b"=":
        cx.attr_error(site.span, "expected this to be a list")
        return ParsedCfgAttr(None, (), tuple(cx.errors))
    parser = MetaParser(data, args[0] + 1, args[1] - 1, edition)
    if parser.at_eof:
        cx.attr_error(args, "expected at least 1 argument here")
        return ParsedCfgAttr(None, (), tuple(cx.errors))
    errors: list[CfgDiagnostic] = []
    if _delimiter(data, args) != b"(":
        errors.append(_bad_delimiters("wrong `cfg_attr` delimiters", args))
    try:
        predicate = cx.entry(parser.parse_inner())
        attrs: tuple[AttrItem, ...] = ()
        if predicate is not None:
            parser.expect(",")
            attrs = _parse_attr_items(parser)
    except MetaParseError as err:
        errors += [*parser.errors, *cx.errors, _with_template(err.diagnostic, site)]
        return ParsedCfgAttr(None, tuple(cx.leaves), tuple(errors))
    errors += [*parser.errors, *cx.errors]
    return ParsedCfgAttr(predicate, tuple(cx.leaves), tuple(errors), attrs)


def _parse_attr_items(parser: MetaParser) -> tuple[AttrItem, ...]:
    """The comma-separated attributes after a `cfg_attr` predicate (rustc's
    `parse_attr_item` loop): a path, then delimited arguments or `= expr`."""
    items: list[AttrItem] = []
    while not parser.at_eof:
        unsafe, group = parser.token, parser.look(1)
        if unsafe and unsafe.text == "unsafe" and group and group.text == "(":
            parser.bump()
            parser.pos = parser.group_end(parser.pos)
            group_hi = parser.prev_span[1]
            # `unsafe(no_mangle)`: the attribute inside, marked unsafe
            inner = MetaParser(parser.data, group.lo + 1, group_hi - 1, parser.edition)
            try:
                items.extend(_parse_attr_items(inner)[:1])
            except MetaParseError:
                items.append(AttrItem("unsafe", (unsafe.lo, group_hi), (group.lo, group_hi)))
            if not parser.eat(","):
                break
            continue
        path = parser.parse_path()
        args: Span | None = None
        tok = parser.token
        if tok is not None and tok.kind == "open":
            parser.check("[")
            parser.check("{")
            start = parser.pos
            parser.pos = parser.group_end(start)
            parser.expected.clear()
            args = (tok.lo, parser.prev_span[1])
        else:
            for delim in "([{":
                parser.check(delim)
            if parser.eat("="):
                eq = parser.prev_span[0]
                end = parser.expr_end(parser.pos)
                if end is None:
                    raise parser.expected_lit()
                parser.pos = end
                parser.expected.clear()
                args = (eq, parser.prev_span[1])
        items.append(AttrItem(path.to_string(parser.edition), (path.span[0], parser.prev_span[1]), args))
        if not parser.eat(","):
            break
    if not parser.at_eof:
        raise parser.unexpected()
    return tuple(items)


def parse_predicate(data: bytes, args: Span, site: CfgSite, edition: int = 2021,
                    list_span: Span | None = None) -> ParsedCfg:
    """Exactly one predicate inside the delimited group `args` (the `(..)` of
    `#[doc(cfg(..))]` or `#[link(.., cfg(..))]`), with `site` naming the construct in
    rustc's errors; "expected a single argument here" points at `list_span` (default
    `args`: `doc` points at the group, `link` at the whole `cfg(..)`)."""
    cx = _Interpreter(site, edition)
    parser = MetaParser(data, args[0] + 1, args[1] - 1, edition)
    try:
        items = parser.parse_list_to_end()
    except MetaParseError as err:
        return ParsedCfg(None, (), (*parser.errors, err.diagnostic))
    if len(items) != 1:
        cx.attr_error(list_span or args, "expected a single argument here", "E0805")
        return ParsedCfg(None, (), (*parser.errors, *cx.errors))
    predicate = cx.entry(items[0])
    return ParsedCfg(predicate, tuple(cx.leaves), (*parser.errors, *cx.errors))


def parse_predicate_list(data: bytes, args: Span, site: CfgSite, edition: int = 2021) -> ParsedCfg:
    """Any number of predicates inside the delimited group `args`, each linted (the
    `hide(..)` of `#[doc(auto_cfg(hide(..)))]`); the result's predicate is their `all`."""
    cx = _Interpreter(site, edition)
    parser = MetaParser(data, args[0] + 1, args[1] - 1, edition)
    try:
        items = parser.parse_list_to_end()
    except MetaParseError as err:
        return ParsedCfg(None, (), (*parser.errors, err.diagnostic))
    preds = tuple(p for p in map(cx.entry, items) if p is not None)
    return ParsedCfg(CfgAll(preds, args), tuple(cx.leaves), (*parser.errors, *cx.errors))


def parse_select_arm(data: bytes, site: CfgSite, edition: int = 2021) -> ParsedCfg:
    """The predicate of a `cfg_select!` arm: the tokens of `site.span`, the text
    before the arm's `=>`."""
    cx = _Interpreter(site, edition)
    parser = MetaParser(data, site.span[0], site.span[1], edition)
    try:
        item = parser.parse_inner()
        if not parser.at_eof:
            parser.expected.add("`=>`")
            raise parser.unexpected()
    except MetaParseError as err:
        return ParsedCfg(None, (), (*parser.errors, err.diagnostic))
    predicate = cx.entry(item)
    return ParsedCfg(predicate, tuple(cx.leaves), (*parser.errors, *cx.errors))


def eval_predicate(pred: Predicate, active: ActiveCfg) -> bool:
    """Whether `pred` holds for the active configuration (rustc's `eval_config_entry`)."""
    match pred:
        case CfgLeaf(name=name, value=value):
            return (name, value) in active
        case CfgAny(preds=preds):
            return any(eval_predicate(p, active) for p in preds)
        case CfgAll(preds=preds):
            return all(eval_predicate(p, active) for p in preds)
        case CfgNot(pred=inner):
            return not eval_predicate(inner, active)
        case CfgBool(value=value):
            return value
        case CfgVersion(min=minimum):
            return minimum is not None and minimum <= RUSTC_VERSION
    raise TypeError(f"not a predicate: {pred!r}")


def leaf_text(leaf: CfgLeaf, edition: int = 2021) -> str:
    """`name` or `name = "value"`, as rust-analyzer names a cfg atom."""
    name = ident_to_string(leaf.name, edition)
    return name if leaf.value is None else f'{name} = "{leaf.value}"'


def _why(pred: Predicate, active: ActiveCfg, value: bool) -> tuple[list[str], list[str]]:
    """The atoms that make `pred` evaluate to `value`: (enabled, disabled)."""
    match pred:
        case CfgLeaf():
            return ([leaf_text(pred)], []) if value else ([], [leaf_text(pred)])
        case CfgNot(pred=inner):
            return _why(inner, active, not value)
        case CfgAll(preds=preds) | CfgAny(preds=preds):
            parts = [p for p in preds if eval_predicate(p, active) == value]
            chosen = parts[:1] if isinstance(pred, CfgAny) and value else parts  # one true arm suffices
            enabled: list[str] = []
            disabled: list[str] = []
            for part in chosen:
                more_enabled, more_disabled = _why(part, active, value)
                enabled += [x for x in more_enabled if x not in enabled]
                disabled += [x for x in more_disabled if x not in disabled]
            return enabled, disabled
        case CfgBool() | CfgVersion():
            return [], []
    raise TypeError(f"not a predicate: {pred!r}")


def _listed(atoms: list[str]) -> str:
    return atoms[0] if len(atoms) == 1 else ", ".join(atoms[:-1]) + " and " + atoms[-1]


def explain(pred: Predicate | None, active: ActiveCfg, value: bool) -> str:
    """Why `pred` is `value`, as rust-analyzer says it: `feature = "x" is disabled`,
    `unix is enabled and windows is disabled`; "" when no atom decides it."""
    if pred is None:
        return ""
    enabled, disabled = _why(pred, active, value)
    parts = []
    if enabled:
        parts.append(f"{_listed(enabled)} {'is' if len(enabled) == 1 else 'are'} enabled")
    if disabled:
        parts.append(f"{_listed(disabled)} {'is' if len(disabled) == 1 else 'are'} disabled")
    return " and ".join(parts)

