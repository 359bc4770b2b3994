"""Parsing and incremental re-parsing with tree-sitter-rust.

Edit, then parse with the old tree (py-tree-sitter's README): tree-sitter reuses every
subtree the edit did not touch, so a keystroke costs a fraction of a full parse.
"""

from __future__ import annotations

import re
from importlib.machinery import ExtensionFileLoader, PathFinder
from typing import TYPE_CHECKING

import tree_sitter

from ..record import Record
from . import fields as F, kinds as K

if TYPE_CHECKING:
    from .node import SyntaxNode

Tree = tree_sitter.Tree


def _rust_grammar() -> object:
    """tree-sitter-rust's grammar, from the package's compiled `_binding` alone: its
    `__init__` imports `importlib.resources` (and tempfile, random, ...) for the query
    files, which we never read: 3 ms of the CLI's start-up."""
    package = PathFinder.find_spec("tree_sitter_rust")
    spec = PathFinder.find_spec("tree_sitter_rust._binding", package.submodule_search_locations) if package else None
    if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
        raise ImportError("tree-sitter-rust is not installed (pip install the rust-ast package)")
    binding = spec.loader.create_module(spec)
    spec.loader.exec_module(binding)
    return binding.language()


LANGUAGE = tree_sitter.Language(_rust_grammar())
_PARSER = tree_sitter.Parser(LANGUAGE)


# Places where tree-sitter-rust 0.24 cannot read valid Rust, repaired by parsing a
# same-length copy of the text (offsets stay valid; lowering reads names and
# operators from the real text):
# - `try` and `async` are identifiers in edition 2015 (`try!(x)`, `fn try()`,
#   `async()`); tree-sitter knows them only as the 2018 keywords and leaves an ERROR.
#   Spelled `tr_` and `asyn_`, they are identifiers named `try` and `async`.
# - the prefix range `..=x` (`|e| ..=e`, `let r = ..=b;`) is an ERROR or an assignment;
#   spelled `.. x`, it is a range, and lowering sees the `=` after the `..`.
# - `safe fn`, `safe static` and `unsafe static` in `unsafe extern` blocks (edition
#   2024): tree-sitter knows neither; spelled as spaces, lowering finds the keyword.
# - keywords of unstable syntax before keywords tree-sitter knows: `auto trait`,
#   `gen fn`, `async gen {`, `super let`, `for await`, `become f()`, `const trait`,
#   `box x`, `impl const Tr`, bound modifiers `[const]`, `~const`, `const`, `async Fn`,
#   a closure's binder `for<'a> |x| ..`, `const` and `use` closures, `pub` of an extern
#   type, `default` before `const`, `type` and `impl`, `&pin mut`, `&pin const`, an
#   unsafe binder type's `unsafe<'a>`, `do yeet`; spelled as spaces, lowering finds them.
# - words of unstable syntax respelled as a word tree-sitter knows in the same place
#   (`_RESPELLED`): a trait alias `trait A = B;` as a type alias `type  A = B;`, a
#   delegation `reuse a::f;` as `use   a::f;`, `builtin # offset_of(..)` as a macro call
#   `builtin__offset_of!(..)`; lowering reads the real words.
# - parts of unstable syntax spelled as spaces (`_BLANKED`), each read alone by lowering
#   (`parse_generic_params`, `parse_where_clause`, `parse_attribute`, `parse_value`, ..):
#   a generic const item's `<T>` and where clause, a field's default value `= 1`,
#   return type notation's `(..)`, a postfix match `.match { .. }`, a guard pattern's
#   `if c`, attributes on where predicates, on a `let`'s or an assignment's value
#   (`= #[coroutine] || ..`) and on fields of a `let`'s struct pattern.
# - the non-ASCII characters of Pattern_White_Space (U+0085, U+200E, U+200F, U+2028,
#   U+2029) are whitespace to rustc and unknown to tree-sitter: spelled as spaces.
# (`async fn`, `async {` and `async move` stay: rustc 2015 reads them, with an error)
# The patterns below are compiled at their first use (`re.compile` keeps them): most
# texts need few of them, and compiling all costs 2 ms of the CLI's start-up.
_KEYWORDS_2018 = rb"(?<![A-Za-z0-9_#])(?:try|async(?!\s*(?:fn\b|move\b|unsafe\b|\{|\|)))(?![A-Za-z0-9_])"
# (patterns that start with a literal: the regex engine scans for it quickly)
_SAFE = rb"safe(?=\s+(fn|static)\b)"
_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_#")
# (group 1 is the keyword. Each pattern matches only with its literal in it, one space
# between the words: that literal is looked for first, which costs little on every
# keystroke, and the repair stays a function of the text around each place, as
# incremental parsing needs. Other spellings stay ERRORs, which is safe.)
_KEYWORD_BEFORE = (
    (b"auto trait", rb"(auto) trait\b"), (b"gen fn", rb"(gen) fn\b"),
    (b"async gen", rb"async (gen)(?= ?\{| move\b)"), (b"super let", rb"(super) let\b"),
    (b"for await", rb"for (await)(?=\s)"), (b"become", rb"(become)(?=\s)"),
    (b"const trait", rb"(const) trait\b"), (b"impl const", rb"impl (const)(?=\s)"),
    (b"[const]", rb"(\[const\])(?=\s)"), (b"~const", rb"(~const)(?=\s)"),
    (b"async Fn", rb"(async) Fn(?:Mut|Once)?\b"),
    (b"for<", rb"(for<[^<>{};]*>)(?=\s*(?:\||move\b|async\b|static\b|const\b))"),
    (b"default ", rb"(default) (?:const|type|impl|unsafe impl)\b"),
    (b"pin mut", rb"&\s*(?:'\w+\s+)?(pin) mut\b"), (b"pin const", rb"&\s*(?:'\w+\s+)?(pin const)\b"),
    (b"unsafe<", rb"(unsafe<[^<>{};]*>)(?=\s*[&(\[*A-Za-z_'!])"), (b"do yeet", rb"(do yeet)(?=[\s;])"),
    (b"box ", rb"(box) (?=[A-Za-z0-9_(&\[\-'\"])"),
    (b"const |", rb"(const) (?=\|)"), (b"const move", rb"(const) move\b"), (b"use |", rb"(use) (?=\|)"),
    (b": const ", rb": (const) (?=[A-Za-z_])"), (b"pub type", rb"(pub) type [A-Za-z_]\w*\s*;"))
_WHITE_SPACE = (rb"\xc2\x85", rb"\xe2\x80[\x8e\x8f\xa8\xa9]")
# (group 1 becomes the spelling; the word must stand alone, as in `_KEYWORD_BEFORE`)
_RESPELLED = (
    (b"trait", rb"(trait)\s+[A-Za-z_]\w*\s*(?:<[^;{}]*?>)?\s*=(?![=>])", b"type "),
    (b"reuse", rb"(reuse)\s+(?!(?:as|in|if)\b)(?=[A-Za-z_:])", b"use  "),
    (b"builtin # offset_of", rb"(builtin # offset_of)\s*\(", b"builtin__offset_of!"),
    (b"builtin # type_ascribe", rb"(builtin # type_ascribe)\s*\(", b"builtin__type_ascribe!"))
# An outer attribute (brackets nested once, string literals skipped, no `/` outside them:
# none runs past a comment's end), and a run of them.
_ATTR = rb'#\[(?:[^\[\]"/]|"(?:[^"\\]|\\.)*"|\[(?:[^\[\]"/]|"(?:[^"\\]|\\.)*")*\])*\]'
_ATTRS = rb"(?:" + _ATTR + rb"\s*)+"
_OPERATOR = frozenset(b"=!<>+-*/%^&|")


def _not_joined(data: bytes, at: int) -> bool:  # `const`, not `xconst`
    return not (at and data[at - 1] in _WORD)


# A const item up to its value: attributes, comments and a visibility before it.
_CONST_HEAD = (rb"(?:\s|#\[[^\]]*\]|//[^\n]*\n)*(?:pub\b(?:\s*\([^()]*\))?\s*)?const\s+[A-Za-z_]\w*\s*"
               rb"(?:<[^;{}]*?>)?\s*:[^;{}=]*=")


def _in_const_item(data: bytes, at: int) -> bool:  # `const C: u8 = 1 where ..;`, not a fn's where clause
    start = max(data.rfind(b";", 0, at), data.rfind(b"{", 0, at), data.rfind(b"}", 0, at)) + 1
    return at - start < 4096 and re.compile(_CONST_HEAD).match(data, start, at) is not None


def _after_name(data: bytes, at: int) -> bool:  # `method(..)`
    return at > 0 and (data[at - 1] in _WORD or data[at - 1] == 62)


def _after_pattern(data: bytes, at: int) -> bool:  # `(x if c)`, not `.. => x if c)`
    return at > 0 and (data[at - 1] in _WORD or data[at - 1] in b")]") \
        and data.find(b"=>", at, data.find(b")", at)) < 0


def _not_operator(data: bytes, at: int) -> bool:  # `= #[`, not `== #[`
    return not (at and data[at - 1] in _OPERATOR)


# (every group that matches is spelled as spaces when `check(data, start of the match)`;
# each pattern starts with its literal, which the regex engine scans for quickly)
_BLANKED = (
    (b"const", rb"const\s+[A-Za-z_]\w*+\s*(<[^;{}]*?>)\s*:", _not_joined),  # a generic const item's parameters
    # a const item's where clause (after its value; `[(); N]` in it)
    (b"where", rb"(where\s(?:[^;{}\[\]\"/]|\[[^\[\]{};\"/]*(?:;[^\[\]{};\"/]*)?\])*);", _in_const_item),
    (b"(..)", rb"(\(\.\.\))(?=\s*:(?!:))", _after_name),  # return type notation `T::m(..): Send`
    (b"= #[", rb"= (" + _ATTRS + rb")", _not_operator),  # a value's attributes
    (b"=\n", rb"=\n\s*(" + _ATTRS + rb")", _not_operator),
    (b" if ", rb" (if [^{}()\"/\n]*+)\)", _after_pattern),  # a guard pattern `(Some(x) if x > 1)`
)
# Regions holding attributes tree-sitter does not know, and where in them (group 1).
_ATTR_REGIONS = (
    (b"where", rb"where\b[^{};#]*+#\[[^{};]*+", rb"(?:\bwhere|,)\s*(" + _ATTRS + rb")"),
    (b"let", rb"let\s+[A-Za-z_][\w:]*+\s*\{[^{}#]*+#\[[^{}]*+\}", rb"[{,]\s*(" + _ATTRS + rb")"))
# A struct whose body holds a `=`: field default values.
_DEFAULTS = rb"struct\s+[A-Za-z_]\w*+\s*(?:<[^{};=]*>)?\s*\{[^{}=]*+=[^{}]*+\}"
# What comes before a field's `=`: attributes, comments, a visibility, `name:`, the type.
_FIELD = rb"(?:\s|#\[[^\]]*\]|//[^\n]*\n)*(?:pub\b(?:\s*\([^()]*\))?\s*)?[A-Za-z_]\w*\s*:[^:]"


# Every repair needs one of these in the text: a text without it needs no look for it.
_REPAIR_GATES = (*(literal for literal, _ in _KEYWORD_BEFORE), b"safe", *(literal for literal, _, _ in _RESPELLED),
                 *(literal for literal, _, _ in _BLANKED), *(literal for literal, _, _ in _ATTR_REGIONS), b"struct",
                 b".match {")  # (those `repairs` looks for)
_GATES = (b"try", b"async", b"..=", b"\xc2\x85", b"\xe2\x80", *_REPAIR_GATES)


def gates(data: bytes, before: frozenset[bytes] | None = None,
          edited: tuple[int, int] | None = None) -> frozenset[bytes]:
    """The `_GATES` `data` holds, for `parse` to skip repairs it cannot need. With
    `before` (those of the text before some edits) and `edited` (bytes `lo:hi` of
    `data` hold every edit since), one absent before can only be across the edits:
    looked for there, not in the whole text (a keystroke costs no scans of a large
    file)."""
    if before is None or edited is None:
        return frozenset(gate for gate in _GATES if gate in data)
    lo, hi = edited
    return frozenset(gate for gate in _GATES if (
        gate in data if gate in before else data.find(gate, max(0, lo - len(gate) + 1), hi + len(gate) - 1) >= 0))


def repairs(data: bytes, lo: int = 0, hi: int | None = None,
            present: frozenset[bytes] | None = None) -> list[tuple[int, int, bytes]]:
    """The places `parse` spells otherwise in bytes `lo:hi` (`_KEYWORD_BEFORE`, `safe`/
    `unsafe` items of extern blocks, `_RESPELLED`, `_BLANKED`, attributes in
    `_ATTR_REGIONS`, field defaults), each with its spelling. Lowering must find each
    one where it belongs; one it does not find makes the code unreadable.
    `present`: `gates(data)`, when known."""
    hi = len(data) if hi is None else hi
    if present is None or lo > 0 or hi < len(data):  # the gates in bytes lo:hi (of those in `data`)
        present = frozenset(gate for gate in (_REPAIR_GATES if present is None else present)
                            if data.find(gate, lo, hi) >= 0)
    if not present:
        return []
    out: list[tuple[int, int, bytes]] = []
    for literal, pattern in _KEYWORD_BEFORE:
        if literal in present:
            out.extend(_blank(data, a, b) for a, b in _alone(data, pattern, lo, hi))
    if b"safe" in present:
        for found in re.compile(_SAFE).finditer(data, lo, hi):  # not `unsafe fn`, which tree-sitter knows
            a = found.start()
            if data[a - 2:a] == b"un":
                if found.group(1) == b"fn":
                    continue
                a -= 2
            if not (a and data[a - 1] in _WORD):
                out.append(_blank(data, a, found.end()))
    for literal, pattern, spelling in _RESPELLED:
        if literal in present:
            out.extend((a, b, spelling) for a, b in _alone(data, pattern, lo, hi))
    for literal, pattern, check in _BLANKED:
        if literal in present:
            for found in re.compile(pattern).finditer(data, lo, hi):
                if not check(data, found.start()):
                    continue
                out.extend(_blank(data, a, b) for a, b in found.regs[1:] if a >= 0)
    for literal, region, inner in _ATTR_REGIONS:
        if literal in present:
            for found in re.compile(region).finditer(data, lo, hi):
                if not (found.start() and data[found.start() - 1] in _WORD):
                    out.extend(_blank(data, a, b) for a, b in
                               (m.span(1) for m in re.compile(inner).finditer(data, found.start(), found.end())))
    if b".match {" in present:
        out.extend(_blank(data, a, b) for a, b in _postfix_matches(data, lo, hi))
    if b"struct" in present:
        for found in re.compile(_DEFAULTS).finditer(data, lo, hi):
            if found.start() and data[found.start() - 1] in _WORD:
                continue
            out.extend(_blank(data, a, b) for a, b in _default_values(data, found.start(), found.end()))
    return out


def _alone(data: bytes, pattern: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """Group 1 of each match of `pattern` in bytes `lo:hi` whose words are not part of
    longer ones (`xauto trait`, `gen fnx`) nor a macro call's tokens (`Token![const]`)."""
    out = []
    for found in re.compile(pattern).finditer(data, lo, hi):
        start = found.start()
        a, b = found.span(1)
        joined_before = start and data[start - 1] in _WORD and data[start] in _WORD
        macro_tokens = start and data[start - 1] == 33  # `Token![const]`
        if not (joined_before or macro_tokens or (b < len(data) and data[b] in _WORD and data[b - 1] in _WORD)):
            out.append((a, b))
    return out


_STRING = rb'(?s)"(?:[^"\\]|\\.)*"'
_CHAR = rb"'(?:[^'\\\n]|\\[^\n]{1,9})'"


def _skipped(data: bytes, at: int, hi: int) -> int:
    """Past the comment, string or char literal starting at byte `at` (its end, up to
    `hi`), or `at` when none starts there."""
    c = data[at]
    if c == 47 and data[at + 1:at + 2] == b"/":
        end = data.find(b"\n", at, hi)
        return hi if end < 0 else end
    if c == 47 and data[at + 1:at + 2] == b"*":
        end = data.find(b"*/", at + 2, hi)
        return hi if end < 0 else end + 2
    found = re.compile(_STRING if c == 34 else _CHAR).match(data, at, hi) if c in (34, 39) else None
    return found.end() if found is not None else at


def _postfix_matches(data: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """Each postfix match `.match { .. }` in bytes `lo:hi`, up to its closing brace. What
    follows it applies to the expression before it once it is blanked (`x.match {
    .. }.f()` reads as `x.f()`): lowering puts the match between."""
    out = []
    at = data.find(b".match {", lo, hi)
    while at > 0:
        depth, end = 0, at + 7
        while end < hi:
            skip = _skipped(data, end, hi)
            if skip > end:
                end = skip
                continue
            depth += {123: 1, 125: -1}.get(data[end], 0)
            end += 1
            if depth == 0:
                break
        if depth == 0 and (data[at - 1] in _WORD or data[at - 1] in b")]}?"):
            out.append((at, end))
        at = data.find(b".match {", at + 1, hi)  # (one inside this one is read with it)
    return out


def _blank(data: bytes, lo: int, hi: int) -> tuple[int, int, bytes]:
    """Bytes `lo:hi` spelled as spaces, line breaks kept (a `//` comment blanked into
    would otherwise run on into the next line)."""
    return lo, hi, bytes(c if c in b"\r\n" else 32 for c in data[lo:hi])


def _default_values(data: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """The `= value` of each field in the struct body at bytes `lo:hi`: a `=` outside
    brackets of the field types (`Box<dyn I<Item = u8>>`), up to the next `,` or the end."""
    out = []
    depth = 0
    at = field = data.index(b"{", lo) + 1
    start = None
    while at < hi - 1:
        c = data[at]
        skip = _skipped(data, at, hi)
        if skip > at:  # a comment, string or char literal
            at = skip
            continue
        if c in b"([<" and not (c == 60 and start is not None):
            depth += 1
        elif c in b")]" or (c == 62 and data[at - 1] != 45 and start is None):  # not `->`
            depth -= 1
        elif depth == 0 and c == 61 and start is None and data[at + 1] not in b"=>" \
                and re.compile(_FIELD).match(data, field, at) is not None:
            start = at
        elif depth == 0 and c == 44:
            if start is not None:
                out.append((start, at))
            start, field = None, at + 1
        at += 1
    if start is not None:
        out.append((start, hi - 1))
    return out


class Spelled(Record):
    """What tree-sitter parses: `text`, the same-length copy of the source with the
    repairs above, and `places`, the bytes `lo:hi` the repairs spelled otherwise, in
    order (lowering must find each where it belongs)."""

    __slots__ = ("text", "places")

    def __init__(self, text: bytes, places: list[tuple[int, int]]) -> None:
        self.text = text
        self.places = places


def spelled(data: bytes, edition: int = 2021, present: frozenset[bytes] | None = None) -> Spelled:
    """UTF-8 source as tree-sitter parses it (`Spelled`). `present`: `gates(data)`,
    when the caller follows them edit by edit."""
    present = gates(data) if present is None else present
    if edition == 2015 and (b"try" in present or b"async" in present):
        data = re.sub(_KEYWORDS_2018, lambda m: m.group()[:-1] + b"_", data)
    if b"..=" in present:
        data = data.replace(b"..=", b".. ")
    # (the repairs above only turn letters into `_` and `=` into a space: they make no gate)
    places = repairs(data, present=present)
    if places:
        copy = bytearray(data)
        for lo, hi, spelling in places:
            copy[lo:hi] = spelling
        data = bytes(copy)
    for gate, white in zip((b"\xc2\x85", b"\xe2\x80"), _WHITE_SPACE, strict=True):
        if gate in present:
            data = re.sub(white, lambda m: b" " * len(m.group()), data)
    return Spelled(data, sorted((lo, hi) for lo, hi, _ in places))


def parse(data: bytes, old_tree: Tree | None = None, edition: int = 2021,
          present: frozenset[bytes] | None = None) -> Tree:
    """Parse UTF-8 source; with `old_tree` (already `edit`ed) reuse its subtrees."""
    return parse_spelled(spelled(data, edition, present).text, old_tree)


def parse_spelled(text: bytes, old_tree: Tree | None = None) -> Tree:
    """Parse what `spelled` made; with `old_tree` (already `edit`ed) reuse its subtrees."""
    if old_tree is None:
        return _PARSER.parse(text)
    return _PARSER.parse(text, old_tree)


def respelled(before: bytes, after: bytes) -> tuple[int, int] | None:
    """The bytes `lo:hi` whose spelling differs between `before` (the old spelled text
    with the edits' new bytes in place) and `after` (the new spelled text), both of one
    length, or None. A repair follows the text around it, so an edit can change the
    spelling just outside itself (`gen fn` -> `gxen fn` brings `gen` back): tree-sitter
    must be told, or it reuses the old tokens there."""
    if before == after:
        return None
    lo, hi = 0, len(after)  # the first differing byte: the longest equal prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if before[:mid] == after[:mid]:
            lo = mid
        else:
            hi = mid - 1
    first = lo
    lo, hi = 0, len(after) - first  # the longest equal suffix after it
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if before[len(before) - mid:] == after[len(after) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return first, len(after) - lo


_PATTERN_BEFORE = b"fn _(){let ("
_PATTERN_AFTER = b")=x;}"


def parse_pattern(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The pattern at bytes `lo:hi` of `data`, which starts with a `|`, read alone:
    in a copy where only `let (` comes before it and `) = x;` after, with the `|`
    blanked; its nodes keep their offsets into `data`. None if it does not read."""
    if lo < len(_PATTERN_BEFORE) or data[lo:lo + 1] != b"|":
        return None
    text = (b" " * (lo - len(_PATTERN_BEFORE)) + _PATTERN_BEFORE + b" " + data[lo + 1:hi] + _PATTERN_AFTER)
    tree = _PARSER.parse(text)
    root = tree.root_node
    if root.has_error:
        return None
    body = root.named_children[0].child_by_field_name(F.BODY)
    pattern = body.named_children[0].child_by_field_name(F.PATTERN) if body and body.named_children else None
    if pattern is None or pattern.type != K.TUPLE_PATTERN or pattern.named_child_count != 1:
        return None
    return pattern.named_children[0]


_BLOCK_BEFORE = b"fn _(){"


def parse_statements(data: bytes, lo: int, hi: int) -> list[SyntaxNode] | None:
    """The statements at bytes `lo:hi` of `data` (the inside of a block), read alone,
    with offsets into `data`; None if they do not read."""
    if lo < len(_BLOCK_BEFORE):
        return None
    tree = _PARSER.parse(b" " * (lo - len(_BLOCK_BEFORE)) + _BLOCK_BEFORE + data[lo:hi] + b"}")
    if tree.root_node.has_error:
        return None
    body = tree.root_node.named_children[0].child_by_field_name(F.BODY)
    return [c for c in body.children if c.is_named] if body is not None else None


def parse_attribute(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The outer attribute `#[..]` at bytes `lo:hi` of `data`, read alone (before an
    item), with offsets into `data`; None if it is no attribute."""
    tree = _PARSER.parse(b" " * lo + data[lo:hi] + b" fn _(){}")
    root = tree.root_node
    first = root.named_children[0] if root.named_child_count else None
    if root.has_error or first is None or first.type != K.ATTRIBUTE_ITEM or first.end_byte != hi:
        return None
    return first


def parse_generic_params(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The generic parameters `<..>` at bytes `lo:hi` of `data`, read alone (as a
    function's), with offsets into `data`; None if they do not read."""
    if lo < 4:
        return None
    tree = _PARSER.parse(b" " * (lo - 4) + b"fn _" + data[lo:hi] + b"(){}")
    if tree.root_node.has_error:
        return None
    return tree.root_node.named_children[0].child_by_field_name(F.TYPE_PARAMETERS)


def parse_where_clause(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The where clause `where ..` at bytes `lo:hi` of `data`, read alone (as a
    function's), with offsets into `data`; None if it does not read."""
    if lo < 7:
        return None
    tree = _PARSER.parse(b" " * (lo - 7) + b"fn _()" + b" " + data[lo:hi] + b"{}")
    if tree.root_node.has_error and not _only_empty_bounds(tree.root_node):
        return None
    clause = next((c for c in tree.root_node.named_children[0].children if c.type == K.WHERE_CLAUSE), None)
    return clause if clause is not None and clause.end_byte == hi else None


def _only_empty_bounds(node: SyntaxNode) -> bool:
    """Whether the only errors below `node` are the MISSING bound tree-sitter puts in
    empty bounds (`where [(); N]:`), which lowering reads as none."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if cur.is_error or (cur.is_missing and not (cur.parent is not None and cur.parent.type == K.TRAIT_BOUNDS
                                                    and cur.parent.named_child_count == 1)):
            return False
        stack.extend(c for c in cur.children if c.has_error or c.is_missing)
    return True


def parse_condition(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The expression of `if cond` at bytes `lo:hi` of `data`, read alone (as an if
    expression's), with offsets into `data`; None if it does not read."""
    if lo < 7 or not data.startswith(b"if", lo):
        return None
    expr = _lone_expression(_PARSER.parse(b" " * (lo - 7) + b"fn _(){" + data[lo:hi] + b"{}}"))
    return expr.child_by_field_name(F.CONDITION) if expr is not None and expr.type == K.IF_EXPRESSION else None


def _lone_expression(tree: Tree) -> tree_sitter.Node | None:
    """The one expression in the body of `fn _(){..}`, the text a `parse_*` reads
    alone; None if the text has an error or holds something else."""
    body = tree.root_node.named_children[0].child_by_field_name(F.BODY) if not tree.root_node.has_error else None
    if body is None or body.named_child_count != 1:
        return None
    expr = body.named_children[0]
    if expr.type == K.EXPRESSION_STATEMENT and expr.named_child_count == 1:
        expr = expr.named_children[0]
    return expr


def parse_postfix_match(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The postfix match `.match { .. }` at bytes `lo:hi` of `data`, read alone as
    `match _{ .. }` (same length) with the repairs inside it, with offsets into `data`;
    None if it does not read."""
    if lo < 7 or not data.startswith(b".match {", lo):
        return None
    text = bytearray(b" " * (lo - 7) + b"fn _(){match _{" + data[lo + 8:hi] + b"}")
    for a, b, spelling in repairs(data, lo + 8, hi):  # (a postfix match in an arm, ..)
        text[a:b] = spelling
    expr = _lone_expression(_PARSER.parse(bytes(text)))
    return expr if expr is not None and expr.type == K.MATCH_EXPRESSION and expr.end_byte == hi else None


def parse_type(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The type at bytes `lo:hi` of `data`, read alone (as a type alias's), with offsets
    into `data`; None if it does not read."""
    if lo < 7:
        return None
    tree = _PARSER.parse(b" " * (lo - 7) + b"type _=" + data[lo:hi] + b";")
    return None if tree.root_node.has_error else tree.root_node.named_children[0].child_by_field_name(F.TYPE)


def parse_expression(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The expression at bytes `lo:hi` of `data`, read alone, with offsets into `data`;
    None if it does not read."""
    if lo < 11:
        return None
    tree = _PARSER.parse(b" " * (lo - 11) + b"const _:u8=" + data[lo:hi] + b";")
    return None if tree.root_node.has_error else tree.root_node.named_children[0].child_by_field_name(F.VALUE)


def parse_value(data: bytes, lo: int, hi: int) -> SyntaxNode | None:
    """The expression of `= value` at bytes `lo:hi` of `data`, read alone (as a const
    item's value), with offsets into `data`; None if it does not read."""
    if lo < 10 or data[lo:lo + 1] != b"=":
        return None
    tree = _PARSER.parse(b" " * (lo - 10) + b"const _:u8" + data[lo:hi] + b";")
    if tree.root_node.has_error:
        return None
    return tree.root_node.named_children[0].child_by_field_name(F.VALUE)


def edit(tree: Tree, start: int, old_end: int, new_end: int,
         start_point: tuple[int, int], old_end_point: tuple[int, int],
         new_end_point: tuple[int, int]) -> None:
    """Tell `tree` that bytes `start..old_end` became `start..new_end`; points are
    `(row, byte column)`."""
    tree.edit(start_byte=start, old_end_byte=old_end, new_end_byte=new_end,
              start_point=start_point, old_end_point=old_end_point,
              new_end_point=new_end_point)
