"""Regexes compiled when first used.

Compiling a regex takes 50-300 µs, and the modules `rust-ast tree` imports hold
about twenty, of which one run uses few: compiled at import they were 1.5 ms of the
command's ~50 ms start-up. `lazy_regex` gives a function that compiles its pattern
on the first call and returns the same compiled pattern after.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import AnyStr


def lazy_regex(source: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    @cache
    def compiled() -> re.Pattern[AnyStr]:
        return re.compile(source, flags)

    return compiled
