"""Shared fixtures: the deep-recursion guard every tree test runs under."""

from __future__ import annotations

import sys

from ast_core.stack import RECURSION_LIMIT

sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
