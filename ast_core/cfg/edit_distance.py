"""rustc's "similar name" search (`rustc_span::edit_distance::find_best_match_for_name`).

In priority order: a case-insensitive equal (Unicode upper-casing); the candidate
closest by optimal-string-alignment distance (insert, delete, substitute, swap two
adjacent characters, each 1) within `max(len, 3) // 3` characters, where each match
found lowers the limit to one less than its distance, so later candidates must be
strictly closer; a candidate with the same `_`-separated words in another order (the
last one scanned). Which of several equally close candidates wins depends on the scan
order: callers emulating one of rustc's hash sets pass the candidates sorted.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


def edit_distance(a: str, b: str, limit: int) -> int | None:
    """The optimal-string-alignment distance of `a` and `b`, or None above `limit`."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > limit:
        return None
    start = 0
    while start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < len(b) and a[-1 - end] == b[-1 - end]:
        end += 1
    if end:
        a, b = a[:-end], b[:-end]
    if not b:
        return len(a) if len(a) <= limit else None
    # Rows of the dynamic programme over b: two back for transpositions.
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, prev2[j - 2] + 1)
            row[j] = best
        prev2, prev = prev, row
    distance = prev[-1]
    return distance if distance <= limit else None


def _sorted_words(name: str) -> list[str]:
    return sorted(name.split("_"))


def find_best_match(candidates: Sequence[str], lookup: str) -> str | None:
    """The candidate rustc would suggest for `lookup`, scanning in the given order.
    Remembered: a crate repeats the same few unexpected names many times."""
    return _find_best_match(tuple(candidates), lookup)


@lru_cache(maxsize=4096)
def _find_best_match(candidates: tuple[str, ...], lookup: str) -> str | None:
    upper = lookup.upper()
    for candidate in candidates:
        if candidate.upper() == upper:
            return candidate
    limit = max(len(lookup), 3) // 3
    best = None
    for candidate in candidates:
        distance = edit_distance(lookup, candidate, limit)
        if distance == 0:
            return candidate
        if distance is not None:
            limit = distance - 1
            best = candidate
    if best is not None:
        return best
    words = _sorted_words(lookup)
    found = None
    for candidate in candidates:
        if _sorted_words(candidate) == words:
            found = candidate
    return found
