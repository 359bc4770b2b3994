"""Shared set-up: the deep-recursion guard every tree test runs under, and, in CI, the
same Hypothesis examples on every run (`derandomize`: a red CI run is a change's, not
a draw's; new random cases are drawn on developers' runs)."""

from __future__ import annotations

import os
import sys

from hypothesis import settings

from ast_core.stack import RECURSION_LIMIT

sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
