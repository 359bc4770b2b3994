"""Whether a cfg predicate holds for a configuration (rustc's `cfg_matches`).

Used to decide which code is active: NodeId numbering drops what a false `cfg`
removes. Malformed predicates count as false here; `ast_core.cfg` reports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..tokens import Token, TokenTree, split_commas, unescape_str


@dataclass(frozen=True, slots=True)
class CfgSet:
    """An active configuration: bare names (`unix`) and `name = "value"` pairs."""

    names: frozenset[str]
    pairs: frozenset[tuple[str, str]]


def eval_predicate(trees: list[TokenTree | Token], cfg: CfgSet) -> bool:
    """Evaluate one predicate given as token trees (`any(unix, feature = "x")`)."""
    if not trees or not isinstance(trees[0], Token) or trees[0].kind != "ident":
        return False
    name = trees[0].text.removeprefix("r#")
    raw = trees[0].text.startswith("r#")
    rest = trees[1:]
    if rest and isinstance(rest[0], TokenTree):
        if raw or name not in ("any", "all", "not"):
            return False
        parts = split_commas(rest[0].trees)
        values = [eval_predicate(p, cfg) for p in parts]
        if name == "any":
            return any(values)
        if name == "all":
            return all(values)
        return len(values) == 1 and not values[0]
    if len(rest) >= 2 and isinstance(rest[0], Token) and rest[0].text == "=" and isinstance(rest[1], Token):
        value = unescape_str(rest[1].text)
        return value is not None and (name, value) in cfg.pairs
    if rest:
        return False
    if not raw and name in ("true", "false"):
        return name == "true"
    return name in cfg.names


def cfg_set_from_lines(lines: list[str], features: tuple[str, ...] = ()) -> CfgSet:
    """A CfgSet from `rustc --print cfg` lines (`unix`, `target_os="linux"`), plus
    enabled cargo features (`feature="x"`)."""
    names: set[str] = set()
    pairs: set[tuple[str, str]] = {("feature", f) for f in features}
    for line in lines:
        name, eq, value = line.partition("=")
        if eq:
            pairs.add((name.strip(), value.strip().strip('"')))
        elif name.strip():
            names.add(name.strip())
    return CfgSet(frozenset(names), frozenset(pairs))
