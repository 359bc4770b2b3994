"""Active cfg sets per target triple, from the shipped table (`data/target_cfgs.json`,
made by `scripts/gen_cfg_data.py` from `rustc --print cfg --target T`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .passes.cfg_eval import CfgSet, cfg_set_from_lines

HOST_TRIPLE = "x86_64-unknown-linux-gnu"


@cache
def _table() -> dict[str, list[str]]:
    text = resources.files("ast_core").joinpath("data/target_cfgs.json").read_text(encoding="utf-8")
    return json.loads(text)


def target_cfg(triple: str, features: tuple[str, ...] = ()) -> CfgSet:
    """The cfg set plain `rustc --target TRIPLE` is built with (debug, no `--test`)."""
    return cfg_set_from_lines(_table()[triple], features)


def host_cfg() -> CfgSet:
    return target_cfg(HOST_TRIPLE)
