"""rustc's `-Zunpretty=ast-tree[,expanded]` dump, read for the recording scripts (`tests/bless_*.py`).

`parse_dump` reads rustc's `{:#?}` Debug text into nested `Struct` / `Tuple` / list / `Span` /
str values (a str is a word, an identifier `name#ctxt` or a quoted string). `rustc_tree` runs
rustc on one file and gives the tree the differential tests compare (`tests/difftree.py`
flattens it): a node `{"class", "kind", "id", "span", "extra_ids"?, "children"}` for each
rustc_ast node of the unexpanded tree, children in source order, and each node's NodeId taken
from its twin in the expanded tree (null for a node that does not survive expansion: macro
calls, cfg-stripped code). Spans are `[lo_line, lo_col, hi_line, hi_col]` as rustc prints them,
null for the classes rustc prints none for and for spans in other files.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

# --------------------------------------------------------------------------- the Debug text

_TOKEN = re.compile(
    r"\s+"
    r'|(?P<str>b?"(?:[^"\\]|\\.)*")'
    r"|(?P<span>no-location|(?P<file>[^\s(){}\[\],]+?):(?P<l1>\d+):(?P<c1>\d+): (?P<l2>\d+):(?P<c2>\d+))"
    r" \(#(?P<sctxt>\d+)\)"
    r"|(?P<char>'(?:[^'\\]|\\u\{[0-9a-fA-F]+\}|\\.)')"
    r"|(?P<ident>(?:r#)?(?:'?[\w$]+|\{\{[\w ]+\}\}|<[\w ]+>)#\d+)"
    r"|(?P<word>'?[\w.+\-$]+)"
    r"|(?P<punct>[{}()\[\],:|])")
_TOKEN_STREAMS = re.compile(r"^[ \t]*LazyAttrTokenStream\(.*\),?$", re.M)
_IDENT = re.compile(r"(?:r#)?(?:'?[\w$]+|\{\{[\w ]+\}\}|<[\w ]+>)#\d+")


class Span(tuple):
    """(file or None, lo_line, lo_col, hi_line, hi_col, ctxt); file None for `no-location`."""


class Struct:
    __slots__ = ("name", "fields")

    def __init__(self, name: str, fields: dict[str, Any]) -> None:
        self.name, self.fields = name, fields


class Tuple:
    """`Name(a, b)`; name None for a bare tuple, ":" for `a: b` (a lifetime's `id: 'a`)."""

    __slots__ = ("name", "items")

    def __init__(self, name: str | None, items: list[Any]) -> None:
        self.name, self.items = name, items


def parse_dump(text: str) -> Any:
    """rustc's `{:#?}` dump as nested Struct / Tuple / list / Span / str values."""
    tokens: list[Any] = []
    for m in _TOKEN.finditer(_TOKEN_STREAMS.sub("None,", text)):
        if m.group("span") is not None:
            if m.group("file") is None:
                tokens.append(Span((None, 0, 0, 0, 0, int(m.group("sctxt")))))
            else:
                tokens.append(Span((m.group("file"), int(m.group("l1")), int(m.group("c1")),
                                    int(m.group("l2")), int(m.group("c2")), int(m.group("sctxt")))))
        elif m.group("punct") is not None:
            tokens.append(("p", m.group("punct")))
        elif m.lastgroup is not None:
            tokens.append(m.group(m.lastgroup))
    value, _ = _value(tokens, 0)
    return value


def _value(tokens: list[Any], i: int) -> tuple[Any, int]:
    tok = tokens[i]
    if isinstance(tok, tuple) and not isinstance(tok, Span):
        if tok[1] in "[(":
            items, i = _seq(tokens, i + 1, "]" if tok[1] == "[" else ")")
            return (items if tok[1] == "[" else Tuple(None, items)), i
        return "", i  # an empty Debug text
    i += 1
    nxt = tokens[i] if i < len(tokens) else None
    if nxt == ("p", "{") and isinstance(tok, str):
        fields, i = {}, i + 1
        while tokens[i] != ("p", "}"):
            name = tokens[i]
            fields[name], i = _value(tokens, i + 2)
            if tokens[i] == ("p", ","):
                i += 1
        return Struct(tok, fields), i + 1
    if nxt == ("p", "(") and isinstance(tok, str):
        items, i = _seq(tokens, i + 1, ")")
        return Tuple(tok, items), i
    return tok, i


def _seq(tokens: list[Any], i: int, close: str) -> tuple[list[Any], int]:
    items = []
    while tokens[i] != ("p", close):
        value, i = _value(tokens, i)
        if tokens[i] == ("p", ":"):  # `lifetime(12: 'a)`
            second, i = _value(tokens, i + 1)
            value = Tuple(":", [value, second])
        while tokens[i] == ("p", "|"):  # bitflags
            _, i = _value(tokens, i + 1)
        items.append(value)
        if tokens[i] == ("p", ","):
            i += 1
    return items, i + 1


def node_id(value: Any) -> int | None:
    """The number of a `NodeId(N)` value, else None."""
    if isinstance(value, Tuple) and value.name == "NodeId" and value.items:
        return int(value.items[0])
    return None


def variant(value: Any) -> str | None:
    """The variant name of an enum value (`Name`, `Name(..)`, `Name { .. }`)."""
    if isinstance(value, (Struct, Tuple)):
        return value.name
    return value if isinstance(value, str) and value else None


def ident(value: Any) -> str | None:
    """The name of an identifier `name#ctxt`, also inside `Some(..)`."""
    if isinstance(value, Tuple) and value.name == "Some" and value.items:
        value = value.items[0]
    if isinstance(value, str) and _IDENT.fullmatch(value):
        return value[:value.rindex("#")]
    return None


# --------------------------------------------------------------------------- the tree

#: Debug structs that are nodes of the class of the same name.
NODE_STRUCTS = {
    "Crate", "Item", "Stmt", "Expr", "Pat", "Ty", "Block", "Local", "Param", "Arm", "ExprField", "PatField",
    "FieldDef", "Variant", "GenericParam", "WherePredicate", "Path", "PathSegment", "Attribute", "AnonConst",
    "MacCall", "FnDecl", "Generics", "WhereClause", "TraitRef", "PolyTraitRef", "UseTree", "Visibility",
    "AssocItemConstraint", "QSelf", "InlineAsmSym", "TyPat", "Delegation", "ConstBlockItem",
}
#: Classes whose `kind` field names their kind.
KIND_FIELD = {"Item", "Stmt", "Expr", "Pat", "Ty", "Local", "GenericParam", "WherePredicate", "Attribute",
              "Visibility", "UseTree", "TyPat"}
#: Token streams hold no nodes.
_NO_NODES = {"TokenStream", "AttrTokenStream", "LazyAttrTokenStream", "NodeId"}
#: What a node of the expanded tree is called where expansion renamed its identifier.
_EXPANDED_NAMES = {"<cfg_trace>": "cfg", "<cfg_attr_trace>": "cfg_attr"}

Node = dict[str, Any]


class TreeBuilder:
    """Debug value -> nodes, in rustc's walk order (`walk`); `sorted_tree` adds source order.

    `tag` carries where a value sits: "assoc" / "foreign" for the items of an impl, trait or
    extern block, "vdata" for a VariantData."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name

    def node(self, cls: str, kind: str | None = None, nid: int | None = None, span: Any = None,
             name: str | None = None) -> Node:
        where = None
        if isinstance(span, Span) and span[0] is not None and os.path.basename(span[0]) == self.file_name:
            where = list(span[1:5])
        return {"class": cls, "kind": kind, "id": nid, "span": where,
                "ctxt": span[5] if isinstance(span, Span) else 0, "ident": name, "children": []}

    def crate(self, value: Any) -> Node:
        out: list[Node] = []
        self.walk(value, out)
        if len(out) != 1 or out[0]["class"] != "Crate":
            raise ValueError("the dump does not hold one Crate")
        return out[0]

    def walk(self, value: Any, out: list[Node], tag: str | None = None) -> None:
        if isinstance(value, list):
            for item in value:
                self.walk(item, out, tag)
        elif isinstance(value, Struct):
            self.struct(value, out, tag)
        elif isinstance(value, Tuple):
            self.tuple(value, out, tag)

    def walk_fields(self, fields: dict[str, Any], out: list[Node], names: list[str] | None = None,
                    skip: tuple[str, ...] = ()) -> None:
        for name in fields if names is None else names:
            if name in fields and name != "tokens" and name not in skip:
                self.walk(fields[name], out)

    def struct(self, s: Struct, out: list[Node], tag: str | None) -> None:
        name, f = s.name, s.fields
        if name == "Item":
            self.item(s, out, tag)
        elif name == "Crate":
            spans = f.get("spans")
            crate = self.node("Crate", None, node_id(f.get("id")),
                              spans.fields.get("inner_span") if isinstance(spans, Struct) else None)
            out.append(crate)
            self.walk_fields(f, crate["children"], ["attrs", "items"])
        elif name == "Variant" and "data" in f:
            v = self.node("Variant", None, node_id(f.get("id")), f.get("span"), ident(f.get("ident")))
            out.append(v)
            self.walk_fields(f, v["children"], ["attrs", "vis"])
            self.walk(f.get("data"), v["children"], "vdata")
            self.walk(f.get("disr_expr"), v["children"])
        elif name == "Struct" and tag == "vdata" and "fields" in f:
            data = self.node("VariantData", "Struct")
            out.append(data)
            self.walk(f["fields"], data["children"])
        elif name == "Visibility":
            self.visibility(s, out)
        elif name in ("Async", "Gen", "AsyncGen") and "closure_id" in f:
            coroutine = self.node("CoroutineKind", name, node_id(f.get("closure_id")))
            return_id = node_id(f.get("return_impl_trait_id"))
            if return_id is not None:
                coroutine["extra_ids"] = {"return_impl_trait_id": return_id}
            out.append(coroutine)
        elif name == "MethodCall" and "receiver" in f:
            self.walk_fields(f, out, ["receiver", "seg", "args"])  # the receiver is walked first
        elif name == "Fn" and "sig" in f and "generics" in f:
            sig = f["sig"].fields if isinstance(f["sig"], Struct) else {}
            self.walk(sig.get("header"), out)  # async/gen ids before the generics
            self.walk(f.get("generics"), out)
            self.walk(sig.get("decl"), out)
            self.walk_fields(f, out, ["contract", "body", "define_opaque", "eii_impls"])
        elif name in ("Impl", "Trait", "ForeignMod"):
            for field, value in f.items():
                if field != "tokens":
                    items_tag = "foreign" if name == "ForeignMod" else "assoc"
                    self.walk(value, out, items_tag if field == "items" else None)
        elif name == "Lit" and "symbol" in f:
            return
        elif name in NODE_STRUCTS:
            self.class_node(s, out)
        else:
            self.walk_fields(f, out)

    def visibility(self, s: Struct, out: list[Node]) -> None:
        kind = s.fields.get("kind")
        if variant(kind) == "Inherited":
            return
        vis = self.node("Visibility", variant(kind), None, s.fields.get("span"))
        if isinstance(kind, Struct):  # Restricted { path, id, shorthand }
            vis["id"] = node_id(kind.fields.get("id"))
            self.walk(kind.fields.get("path"), vis["children"])
        out.append(vis)

    def item(self, s: Struct, out: list[Node], tag: str | None) -> None:
        f = s.fields
        kind = f.get("kind")
        name = None
        parts = kind.items if isinstance(kind, Tuple) else []
        for part in parts:  # the item's name: the first identifier of its kind, or of its kind's struct
            if isinstance(part, Struct) and "ident" in part.fields:
                name = ident(part.fields["ident"])
                break
            if ident(part) is not None and isinstance(part, str):
                name = ident(part)
                break
        cls = {"assoc": "AssocItem", "foreign": "ForeignItem"}.get(tag or "", "Item")
        item = self.node(cls, variant(kind), node_id(f.get("id")), f.get("span"), name)
        out.append(item)
        self.walk_fields(f, item["children"], ["attrs", "vis"])
        for index, part in enumerate(parts):
            is_data = isinstance(kind, Tuple) and kind.name in ("Struct", "Union") and index == 2
            self.walk(part, item["children"], "vdata" if is_data else None)

    def class_node(self, s: Struct, out: list[Node]) -> None:
        cls, f = s.name, s.fields
        kind = f.get("kind") if cls in KIND_FIELD else None
        n = self.node(cls, variant(kind), node_id(f.get("ref_id" if cls == "TraitRef" else "id")),
                      f.get("span"), ident(f.get("ident")) if "ident" in f else None)
        out.append(n)
        named_kinds = (("Expr", "Field"), ("Pat", "Ident"))  # a field access, a binding: name in the kind
        if isinstance(kind, Tuple) and len(kind.items) > 1 and (cls, kind.name) in named_kinds:
            n["ident"] = ident(kind.items[1])
        if isinstance(kind, Tuple) and cls == "Ty" and kind.name == "ImplTrait" and kind.items:
            impl_trait_id = node_id(kind.items[0])
            if impl_trait_id is not None:
                n["extra_ids"] = {"impl_trait_id": impl_trait_id}
        if cls == "Expr":
            self.walk(f.get("attrs"), n["children"])  # an expression's attributes are walked first
            self.walk_fields(f, n["children"], skip=("attrs", "id", "span"))
        elif cls == "UseTree":
            self.walk(f.get("prefix"), n["children"])
            if isinstance(kind, Struct) and kind.name == "Nested":
                for pair in kind.fields.get("items") or []:  # (UseTree, NodeId)
                    if isinstance(pair, Tuple) and len(pair.items) == 2:
                        nested: list[Node] = []
                        self.walk(pair.items[0], nested)
                        for tree in nested:
                            if tree["class"] == "UseTree":
                                tree["id"] = node_id(pair.items[1])
                        n["children"] += nested
        else:
            self.walk_fields(f, n["children"], skip=("id", "ref_id", "span"))

    def tuple(self, t: Tuple, out: list[Node], tag: str | None) -> None:
        name, items = t.name, t.items
        if name in _NO_NODES:
            return
        if name == "lifetime":  # `lifetime(ID: 'a)`
            if items and isinstance(items[0], Tuple) and items[0].name == ":":
                number, spelling = items[0].items
                out.append(self.node("Lifetime", None, int(number) if number.isdigit() else None,
                                     name=spelling))
        elif name == "label":  # `label('a#0)`
            out.append(self.node("Label", name=ident(items[0]) if items else None))
        elif name in ("AngleBracketed", "Parenthesized", "ParenthesizedElided"):
            inner = items[0] if items else None
            args = self.node("GenericArgs", name, None,
                             inner.fields.get("span") if isinstance(inner, Struct) else inner)
            out.append(args)
            if isinstance(inner, Struct):
                self.walk(inner, args["children"])
        elif tag == "vdata" and name in ("Tuple", "Unit"):
            data = self.node("VariantData", name)
            for item in items:
                if node_id(item) is not None:
                    data["id"] = node_id(item)
                else:
                    self.walk(item, data["children"])
            out.append(data)
        elif name == "Arg" and len(items) == 2 and node_id(items[1]) is not None \
                and isinstance(items[0], Struct) and items[0].name == "Path":
            arg = self.node("PreciseCapturingArg", "Arg", node_id(items[1]))
            self.walk(items[0], arg["children"])
            out.append(arg)
        elif name is None and len(items) == 2 and node_id(items[0]) is not None:
            paths: list[Node] = []  # define_opaque: (NodeId, Path)
            self.walk(items[1], paths)
            for path in paths:
                path.setdefault("extra_ids", {})["define_opaque_id"] = node_id(items[0])
            out += paths
        else:
            for item in items:
                self.walk(item, out, tag if name in ("Some", None) else None)


def _start(node: Node) -> tuple[int, int] | None:
    """Where a node starts: its span's, else its first spanned descendant's."""
    if node["span"]:
        return node["span"][0], node["span"][1]
    starts = [s for s in map(_start, node["children"]) if s is not None]
    return min(starts, default=None)


def in_source_order(node: Node) -> None:
    """Sort children by where they start (a child without any span stays after its preceding
    sibling); the walk order stays in `walk`."""
    node["walk"] = list(node["children"])
    previous, keyed = (0, 0), []
    for index, child in enumerate(node["children"]):
        in_source_order(child)
        previous = _start(child) or previous
        keyed.append((previous, index, child))
    keyed.sort(key=lambda k: (k[0], k[1]))
    node["children"] = [child for _, _, child in keyed]


def _nodes(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(n["children"]))
    return out


def merge_ids(tree: Node, expanded: Node) -> None:
    """Give each node of the unexpanded tree the id of its twin in the expanded tree: the node of
    the same class, kind, span and name; a node without span, the next unclaimed child of the
    same class, kind and name under its parent's twin."""
    twins: dict[tuple, list[Node]] = {}
    for n in _nodes(expanded):
        if n["span"] is not None and not n["ctxt"]:
            twins.setdefault((n["class"], n["kind"], tuple(n["span"]), n["ident"]), []).append(n)

    def visit(node: Node, twin: Node | None) -> None:
        node["id"] = twin["id"] if twin is not None else None
        if "extra_ids" in node or (twin is not None and "extra_ids" in twin):
            node["extra_ids"] = (dict(twin.get("extra_ids", {})) if twin is not None
                                 else dict.fromkeys(node["extra_ids"]))
        unclaimed = list(twin["walk"]) if twin is not None else []
        for child in node["walk"]:
            match = None
            if child["span"] is not None:
                candidates = twins.get((child["class"], child["kind"], tuple(child["span"]), child["ident"]))
                if candidates:
                    match = candidates.pop(0)
                    unclaimed = [u for u in unclaimed if u is not match]
            else:
                for index, other in enumerate(unclaimed):
                    if (other["class"], other["kind"]) == (child["class"], child["kind"]) and not other["ctxt"] \
                            and _EXPANDED_NAMES.get(other["ident"], other["ident"]) == child["ident"]:
                        match = unclaimed.pop(index)
                        break
            visit(child, match)

    visit(tree, expanded)


def _strip(node: Node) -> Node:
    """Only what the tests compare."""
    out = {"class": node["class"], "kind": node["kind"], "id": node["id"], "span": node["span"],
           "children": [_strip(c) for c in node["children"]]}
    if "extra_ids" in node:
        out["extra_ids"] = node["extra_ids"]
    return out


def rustc_dump(path: Path, edition: str, expanded: bool) -> str:
    """rustc's dump of a lib crate, run in a temporary folder (a crashing rustc writes
    `rustc-ice-*.txt` files into its working directory)."""
    mode = "ast-tree,expanded" if expanded else "ast-tree"
    with tempfile.TemporaryDirectory() as workdir:
        out = Path(workdir, "dump.txt")
        proc = subprocess.run(["rustc", "--edition", edition, f"-Zunpretty={mode}", "--crate-type", "lib",
                               "-o", str(out), str(Path(path).resolve())], cwd=workdir, capture_output=True,
                              text=True, env=dict(os.environ, RUSTC_BOOTSTRAP="1"), timeout=600)
        text = out.read_text(encoding="utf-8") if out.exists() else ""
    if not text.strip():
        errors = [line for line in proc.stderr.splitlines() if line.startswith("error")]
        raise RuntimeError(f"rustc printed no {mode} dump: {'; '.join(errors[:3]) or proc.stderr[:300]}")
    return text


def rustc_tree(path: Path, edition: str) -> Node:
    """The unexpanded tree of a file with the expanded tree's NodeIds (module docstring)."""
    trees = []
    for expanded in (False, True):
        tree = TreeBuilder(Path(path).name).crate(parse_dump(rustc_dump(path, edition, expanded)))
        in_source_order(tree)
        trees.append(tree)
    merge_ids(*trees)
    return _strip(trees[0])
