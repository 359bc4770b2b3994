"""What an editor looks up among a file's expansions: the attribute or annotated item
at the cursor, and the expansion whose generated fn a name at the cursor calls."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .results import AutodiffExpansion


def expansion_at(expansions: Sequence[AutodiffExpansion], offset: int) -> AutodiffExpansion | None:
    """The attribute at `offset`, else the innermost annotated item containing it."""
    for exp in expansions:
        if exp.span[0] <= offset < exp.span[1]:
            return exp
    inside = [e for e in expansions if e.item_span[0] <= offset < e.item_span[1]]
    return min(inside, key=lambda e: e.item_span[1] - e.item_span[0], default=None)


def expansion_for_name(expansions: Sequence[AutodiffExpansion], name: str, offset: int
                       ) -> AutodiffExpansion | None:
    """The expansion whose generated fn a path naming `name` at `offset` refers to
    (hover on `df(..)`): among those generating `name`, the one defined in the
    innermost scope around `offset`, else the first."""
    candidates = [e for e in expansions if e.generated == name and e.generated_text is not None]
    around = [e for e in candidates if e.scope_span[0] <= offset <= e.scope_span[1]]
    if around:
        return min(around, key=lambda e: e.scope_span[1] - e.scope_span[0])
    return candidates[0] if candidates else None


_IDENT_BYTE = re.compile(rb"[A-Za-z0-9_\x80-\xff]")


def generated_at(src: bytes, expansions: Sequence[AutodiffExpansion], offset: int) -> AutodiffExpansion | None:
    """The expansion whose generated fn the identifier at `offset` names."""
    lo = hi = offset
    while lo > 0 and _IDENT_BYTE.match(src, lo - 1):
        lo -= 1
    while hi < len(src) and _IDENT_BYTE.match(src, hi):
        hi += 1
    if lo == hi:
        return None
    return expansion_for_name(expansions, src[lo:hi].decode("utf-8", "replace"), offset)

