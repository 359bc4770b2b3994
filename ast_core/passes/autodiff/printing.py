"""The texts an expansion shows: the generated fn's signature on one line, each
annotated item's printed replacement, the file with those spliced in, and
`rust-ast expand --json`'s object."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ...model import AssocItem, AssocItemKind, Item, ItemKind, LineIndex, Span
from ...pretty import items_to_string
from .results import AutodiffExpansion, Record


def signature(gen: Item | AssocItem, src: bytes, edition: int) -> str:
    """The generated fn's signature on one line: the fn without attributes and body."""
    kind = gen.kind
    bare: Item | AssocItem
    if isinstance(gen, Item) and isinstance(kind, ItemKind.Fn):
        bare = Item([], gen.span, gen.vis, ItemKind.Fn(kind.defaultness, kind.ident, kind.generics, kind.sig, None))
    else:
        assert isinstance(gen, AssocItem) and isinstance(kind, AssocItemKind.Fn)
        bare = AssocItem([], gen.span, gen.vis,
                         AssocItemKind.Fn(kind.defaultness, kind.ident, kind.generics, kind.sig, None))
    text = items_to_string([bare], src, edition=edition)
    return re.sub(r"\s*\n\s*", " ", text).removesuffix(";")


def item_texts(records: Sequence[Record]) -> tuple[tuple[Span, str], ...]:
    """Each annotated item's replacement: the item, then its generated fns (the last
    attribute's first), as rustc prints them."""
    by_item: dict[Span, list[Record]] = {}
    for record in records:
        if record.source_text is not None:
            by_item.setdefault(record.item_span, []).append(record)
    out = []
    for span, group in by_item.items():
        parts = [group[0].source_text] + [r.generated_text for r in reversed(group) if r.generated_text]
        out.append((span, "\n".join(p for p in parts if p is not None)))
    return tuple(out)


def spliced(src: bytes, texts: Iterable[tuple[Span, str]]) -> str:
    """`src` with each span replaced by its text, indented like the line it starts."""
    out: list[bytes] = []
    pos = 0
    for (lo, hi), text in sorted(texts):
        if lo < pos:
            continue  # inside an item already replaced (its text includes this one)
        line_start = src.rfind(b"\n", 0, lo) + 1
        prefix = src[line_start:lo]
        indent = prefix.decode("utf-8", "replace") if prefix.isspace() else ""
        out += [src[pos:lo], text.replace("\n", "\n" + indent).encode()]
        pos = hi
    out.append(src[pos:])
    return b"".join(out).decode("utf-8", "replace")


def expansion_json(exp: AutodiffExpansion, index: LineIndex) -> dict[str, Any]:
    """What `rust-ast expand --json` and `rustAst/expandAutodiff` give for one attribute."""
    return {
        "span": index.rustc_span(exp.span),
        "source": exp.source,
        "generated": exp.generated,
        "mode": exp.mode.value,
        "width": exp.width,
        "activities": list(exp.activities),
        "text": exp.text,
        "diagnostics": [{"span": index.rustc_span(d.span), "level": d.level, "message": d.message}
                        for d in exp.diagnostics],
    }
